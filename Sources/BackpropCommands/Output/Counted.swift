/// A count with its noun in agreement: "1 sample", "2 samples", "0 samples".
///
/// Answers are sentences a student reads; "over the 1 samples" reads as a bug even when the
/// number is right. Every count printed before a noun goes through here.
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
  "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
