import BackpropCommands
import BackpropEngine

/// `plot …`: chooses what the plot pane shows. In headless the plot is printed at once.
enum PlotCommand {
  static func run(_ args: [Token], lineLength: Int, _ state: inout AppState) throws(CommandError)
    -> [String]
  {
    var settings = state.plot
    var k = 0
    if args.isEmpty {
      if settings.kind == .none { settings.kind = .surface }
    }
    while k < args.count {
      let t = args[k]
      let word = t.text.lowercased()
      switch word {
      case "surface", "error-surface":
        settings.kind = .surface
        if k + 1 < args.count, QuantityName.parse(args[k + 1].text)?.parameter != nil {
          guard k + 2 < args.count else {
            throw CommandError(
              column: lineLength + 1, message: "missing the second weight",
              expected: "two weights, e.g. plot surface w_13 w_24")
          }
          let a = try parameter(args[k + 1], state)
          let b = try parameter(args[k + 2], state)
          if a == b {
            throw CommandError(column: args[k + 2].column, message: "the two weights must differ")
          }
          settings.weights = (a, b)
          settings.xRange = nil
          settings.yRange = nil
          k += 2
        }
      case "parabola": settings.kind = .parabola
      case "matrix":
        // Lesson 8's matrix form of one layer, kept up to date as the run steps.
        settings.kind = .matrix
        settings.matrixLayer = nil
        let outputLayer = state.session.trainer.network.shape.outputLayer
        if k + 1 < args.count, let layer = Int(args[k + 1].text) {
          guard (1...outputLayer).contains(layer) else {
            throw CommandError(
              column: args[k + 1].column, message: "there is no layer \(layer) with weights",
              expected: "a layer from 1 to \(outputLayer)")
          }
          settings.matrixLayer = layer
          k += 1
        }
        state.scroll[.plot] = nil
        state.horizontalScroll[.plot] = nil
      case "boundary", "decision":
        try BoundaryPane.check(state.session.trainer.network, column: t.column)
        settings.kind = .boundary
      case "loss", "curve":
        // The plain form is linear, whatever was shown before; `log` may follow.
        settings.kind = .loss
        settings.logScale = false
      case "log": settings.logScale = true
      case "linear", "lin": settings.logScale = false
      case "off", "hide", "none": settings.kind = .none
      case "clear": settings.pathStart = max(0, state.session.trainer.trail.count - 1)
      case "auto":
        settings.xRange = nil
        settings.yRange = nil
      default:
        if word.hasPrefix("range=") {
          let spec = String(t.text.dropFirst(6))
          let parts = spec.split(separator: ",")
          guard (1...2).contains(parts.count), let x = range(parts[0]),
            parts.count == 1 || range(parts[1]) != nil
          else {
            throw CommandError(
              column: t.column, message: "`\(spec)` is not a range",
              expected: "range=A:B or range=A:B,C:D with A < B")
          }
          settings.xRange = x
          settings.yRange = parts.count == 2 ? range(parts[1]) : x
        } else {
          throw CommandError(
            column: t.column, message: "unknown plot option `\(t.text)`",
            expected:
              "surface, parabola, loss, boundary, matrix [L], log, off, clear or range=A:B,C:D")
        }
      }
      k += 1
    }
    if settings.kind == .surface, settings.weights == nil {
      let params = state.session.trainer.network.allParameters.filter {
        if case .weight = $0 { return true }; return false
      }
      guard params.count >= 2 else {
        throw CommandError(column: 1, message: "the network needs two weights for a surface")
      }
      settings.weights = (params[0], params[1])
    }
    state.plot = settings
    guard settings.kind != .none else { return ["plot hidden"] }
    if state.isInteractive { return ["showing the \(settings.kind.rawValue) plot"] }
    if settings.kind == .matrix { return PlotPane.matrixLines(state) }
    return PlotPane.render(state, width: 72, height: 22).lines
  }

  static func parameter(_ t: Token, _ state: AppState) throws(CommandError) -> Parameter {
    guard let p = QuantityName.parse(t.text)?.parameter, state.session.trainer.network.contains(p)
    else {
      throw CommandError(
        column: t.column, message: "`\(t.text)` is not a weight of this network",
        expected: "a weight such as w_13")
    }
    return p
  }

  static func range(_ s: Substring) -> ClosedRange<Double>? {
    let ends = s.split(separator: ":")
    guard ends.count == 2, let a = NumberParser.parse(String(ends[0])),
      let b = NumberParser.parse(String(ends[1])),
      a.isFinite, b.isFinite, a < b
    else { return nil }
    return a...b
  }
}
