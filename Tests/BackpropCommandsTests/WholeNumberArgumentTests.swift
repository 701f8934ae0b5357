import Testing

@testable import BackpropCommands

/// One rule for whole-number arguments (issue 10): digits too many for the type are "too large",
/// naming the largest allowed, not "not a whole number"; other words still are not numbers.
@Suite struct WholeNumberArgumentTests {
  @Test(arguments: [
    ("train 99999999999999999999", 7, "100000000"),
    ("step 1_000_000_000_000_000_000_000", 6, "10000"),
    ("undo 99999999999999999999", 6, "100000"),
    ("data circle n=99999999999999999999", 15, "10000"),
    ("data circle seed=99999999999999999999", 18, "18446744073709551615"),
    ("network 2-2-1 seed=99999999999999999999", 20, "18446744073709551615"),
    ("randomize 99999999999999999999", 11, "18446744073709551615"),
    ("randomize seed=99999999999999999999", 16, "18446744073709551615"),
  ])
  func tooLargeNamesTheLargestAllowed(_ line: String, _ column: Int, _ largest: String) {
    var session = Session()
    let before = SessionSnapshot(session)
    let error = session.fail(line)
    #expect(error?.column == column, "\(String(describing: error))")
    #expect(error?.message.contains("is too large") == true, "\(String(describing: error))")
    #expect(
      error?.message.hasSuffix("the largest allowed is \(largest)") == true,
      "\(String(describing: error))")
    #expect(SessionSnapshot(session) == before)
  }

  @Test func tooSmallNamesTheSmallestAllowed() {
    var session = Session()
    let error = session.fail("randomize -99999999999999999999")
    #expect(error?.message.contains("is too small; the smallest allowed is 0") == true)
    let seed = session.fail("randomize -1")
    #expect(seed?.message.contains("the smallest allowed is 0") == true)
  }

  @Test(arguments: ["train 12x", "train 1.5", "train ３", "randomize 1e3", "train -"])
  func otherWordsAreNotWholeNumbers(_ line: String) {
    var session = Session()
    let error = session.fail(line)
    #expect(
      error?.message.contains("is not a whole number") == true, "\(String(describing: error))")
  }

  @Test func inRangeNumbersStillWork() {
    var session = Session()
    session.run([
      "randomize 18446744073709551615", "network 2-2-1 seed=18_446_744_073_709_551_615",
      "example xor", "train 1_000",
    ])
    #expect(session.trainer.epoch == 1000)
  }
}
