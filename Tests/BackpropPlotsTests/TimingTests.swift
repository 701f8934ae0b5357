import BackpropPlots
import Testing
import TextGrid

#if canImport(Glibc)
  import Glibc
#endif

@Test func timing() {
  let clock = ContinuousClock()
  var sink = 0
  for _ in 0..<20 { sink &+= PlotBenchmark.renderSurface120x40().width }
  let n = 500
  let t = clock.measure { for _ in 0..<n { sink &+= PlotBenchmark.renderSurface120x40().width } }
  print("surface 120x40 unicode: \(t / n)")
  let ta = clock.measure { for _ in 0..<n { sink &+= PlotBenchmark.renderSurface120x40(glyphs: .ascii).width } }
  print("surface 120x40 ascii: \(ta / n)")
  let ts = clock.measure { for _ in 0..<50 { sink &+= PlotBenchmark.renderLongSeries120x40().width } }
  print("series 1e5 120x40: \(ts / 50)")
  print(sink)
}
