#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(ucrt)
  import ucrt
#endif

/// The few libm functions the plots need, behind one name so that no other file has to repeat the
/// platform imports (the standard library has square roots but no logarithms or powers, and
/// Foundation would be a heavy dependency for two functions).
enum PlotMath {
  static func decimalLogarithm(_ x: Double) -> Double { log10(x) }

  static func powerOfTen(_ exponent: Double) -> Double { pow(10, exponent) }

  static func powerOfTen(_ exponent: Int) -> Double { pow(10, Double(exponent)) }
}
