import BackpropApp
import BackpropCommands
import BackpropEngine
import Foundation
import Testing
import TestSupport
import TextGrid

/// The classroom features through `update`: presenter mode, autoplay driven by synthetic ticks,
/// demo scripts and recordings through file effects, the matrix form, `count` and baselines.
@Suite struct ClassroomTests {
  static func state(_ commands: [String], width: Int = 120, height: Int = 40) -> AppState {
    var s = AppState(width: width, height: height, startScreen: false)
    s.isInteractive = true
    for c in commands { _ = App.update(&s, .submit(c)) }
    return s
  }

  // MARK: - show matrix, count

  /// Every entry of the matrix form is the per-neuron (and per-weight) value, bit for bit, and
  /// blank exactly where that value is not computed yet — checked at every micro-step of a pass.
  @Test func matrixEntriesAreThePerNeuronValuesBitForBit() {
    var session = Session(trainer: Example.mazur.trainer())
    for _ in 0..<30 {
      let t = session.trainer
      let shape = t.network.shape
      for l in 1...shape.outputLayer {
        let m = MatrixForm(session: session, layer: l)
        for (r, j) in m.rows.enumerated() {
          #expect(m.net[r] == session.value(of: .net(j)))
          #expect(m.output[r] == session.value(of: .output(j)))
          #expect(m.derivative[r] == session.value(of: .derivative(j)))
          #expect(m.delta[r] == session.value(of: .delta(j)))
          for (c, i) in m.columns.enumerated() {
            let w = Parameter.weight(from: i, to: j)
            #expect(m.weights[r][c].bitPattern == t.network[w].bitPattern)
            #expect(m.gradient[r][c] == session.value(of: .gradient(w)))
          }
        }
        for (c, i) in m.columns.enumerated() {
          #expect(m.previous[c] == (l == 1 ? t.input(i) : session.value(of: .output(i))))
        }
      }
      _ = session.execute("step")
    }
    // After the backward pass the gradient matrix is δ^l (a^(l−1))ᵀ entry by entry.
    var done = Session(trainer: Example.mazur.trainer())
    _ = done.execute("backward")
    let m = MatrixForm(session: done, layer: 2)
    #expect(m.gradient.flatMap { $0 }.allSatisfy { $0 != nil })
  }

  @Test func showMatrixPrintsTheLayerAndRejectsABadOne() {
    var s = Self.state(["example mazur", "backward"])
    let r = App.submit("show matrix 1", &s)
    #expect(!r.isError)
    #expect(r.lines.contains("W^1 (entry w_ij):"))
    let bad = App.submit("show matrix 3", &s)
    #expect(bad.isError)
  }

  /// Counted by hand from the rules in `MultiplicationCount`: for 2-2-2, backward = 2 output δ
  /// + 2·(2+1) hidden δ + 8 gradients = 16; forward mode = 8 weights × (4+2 + 4+2 + 2) = 112.
  /// For 2-3-1: 1 + 3·(1+1) + 9 = 16 and 9 × (6+3 + 3+1 + 1) = 126.
  @Test func countMatchesTheHandCount() throws {
    let mazur = MultiplicationCount(shape: try NetworkShape(layerSizes: [2, 2, 2]))
    #expect(mazur.backward == 16 && mazur.forwardMode == 112 && mazur.weights == 8)
    let small = MultiplicationCount(shape: try NetworkShape(layerSizes: [2, 3, 1]))
    #expect(small.backward == 16 && small.forwardMode == 126 && small.weights == 9)
    var s = Self.state(["example mazur"])
    let r = App.submit("count", &s)
    #expect(r.lines.contains { $0.contains("16 multiplications") })
    #expect(r.lines.contains { $0.contains("= 112 multiplications") })
  }

  /// `show network` carries the count as one line, for the network shown. The figures are the
  /// hand counts above, plus one for 2-2-2-1 counted by the same rules: backward = 1 output δ
  /// + 2·(1+1) + 2·(2+1) hidden δ + (4+4+2) gradients = 21; forward mode = 10 weights ×
  /// (4+2 + 4+2 + 2+1 + 1) = 160.
  @Test func showNetworkHasTheCountLine() {
    for (network, backward, forward) in [
      ("2-2-2", 16, 112), ("2-3-1", 16, 126), ("2-2-2-1", 21, 160),
    ] {
      var s = Self.state(["network \(network)"])
      let r = App.submit("show network", &s)
      #expect(!r.isError)
      let line = r.lines.first { $0.hasPrefix("multiplications for the whole gradient:") }
      #expect(
        line
          == "multiplications for the whole gradient: \(backward) by the backward pass, \(forward) by forward mode (`count` explains)",
        "\(network): \(r.lines)")
      // The same figures as `count` gives.
      let count = App.submit("count", &s).lines
      #expect(count.contains { $0.contains("\(backward) multiplications") })
      #expect(count.contains { $0.hasSuffix("= \(forward) multiplications") })
    }
  }

  // MARK: - Presenter mode

  @Test func presentTogglesTheLayout() {
    var s = Self.state(["example mazur", "present on"])
    #expect(s.presenter)
    #expect(s.layout.order == [.network, .equation, .output])
    #expect(App.submit("present sideways", &s).isError)
    #expect(s.presenter)
    _ = App.update(&s, .submit("present off"))
    #expect(s.layout.order.contains(.values))
  }

  static let sizes = [(80, 24), (120, 40), (200, 60)]

  @Test(arguments: sizes)
  func presenterGolden(_ size: (Int, Int)) {
    let s = Self.state(
      ["example mazur", "present on", "forward", "step 2"], width: size.0, height: size.1)
    let grid = Views.render(s)
    Golden.check(grid, "screens/presenter-\(size.0)x\(size.1)", in: Golden.directory)
    // High contrast: nothing dim anywhere.
    for y in 0..<grid.height {
      for x in 0..<grid.width { #expect(!grid[x, y].style.contains(.dim)) }
    }
  }

  /// Block letters from 100×30 up (the equation then takes at least 5 rows of blocks); ordinary
  /// bold text below, by the stated rule.
  @Test func blockLettersFollowTheStatedRule() {
    let big = Views.render(Self.state(["example mazur", "present on", "step 4"])).text
    #expect(big.contains("███"))
    let small = Views.render(
      Self.state(["example mazur", "present on", "step 4"], width: 80, height: 24)
    ).text
    #expect(!small.contains("███"))
  }

  @Test func blockFontWrapsByTokensWithinTheWidth() {
    let text = "δ_5 = (o_5 − t_5)·o_5(1 − o_5) = 0.13850"
    for width in [12, 30, 60, 200] {
      let lines = BlockFont.wrap(text, width: width)
      #expect(lines.joined(separator: " ") == text || width < 20)
      for line in lines { #expect(BlockFont.width(of: line) <= width) }
    }
    var ascii = TextGrid(width: 60, height: BlockFont.height)
    BlockFont.draw("δ_5 = 0.1385", into: &ascii, x: 0, y: 0, glyphs: .ascii, style: .bold)
    #expect(ascii.text.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(ascii.text.contains("#"))
  }

  // MARK: - Autoplay

  @Test func playStepsOnTicksPausesAndStops() {
    var s = Self.state(["example mazur"])
    let effect = App.update(&s, .submit("play 2"))
    #expect(effect == .tick(milliseconds: 500))
    for k in 1...3 {
      #expect(App.update(&s, .tick) == .tick(milliseconds: 500))
      #expect(s.session.trainer.position.index == k)
    }
    // + doubles the speed; space pauses (ticks then do nothing) and resumes.
    #expect(App.update(&s, .key(.character("+"))) == .tick(milliseconds: 250))
    #expect(App.update(&s, .key(.character(" "))) == .none)
    #expect(App.update(&s, .tick) == .none)
    #expect(s.session.trainer.position.index == 3)
    #expect(App.update(&s, .key(.character(" "))) == .tick(milliseconds: 250))
    _ = App.update(&s, .tick)
    #expect(s.session.trainer.position.index == 4)
    // Any command stops it.
    _ = App.update(&s, .submit("get o_5"))
    #expect(s.autoplay == nil)
    #expect(App.update(&s, .tick) == .none)
    #expect(s.session.trainer.position.index == 4)
    #expect(App.submit("play 1000", &s).isError)
  }

  /// `train 200 animate` on ticks ends where `train 200` does, bit for bit, and is one undo.
  @Test func trainAnimateMatchesTrain() {
    var animated = Self.state(["example xor"])
    _ = App.update(&animated, .submit("train 200 animate"))
    var ticks = 0
    while animated.autoplay != nil && ticks < 1000 {
      _ = App.update(&animated, .tick)
      ticks += 1
    }
    #expect(ticks > 10)
    var plain = Session(trainer: Example.xor.trainer())
    _ = plain.execute("train 200")
    #expect(animated.session.trainer.epoch == 200)
    #expect(animated.session.trainer.network.weights == plain.trainer.network.weights)
    #expect(animated.session.trainer.lossHistory == plain.trainer.lossHistory)
    _ = App.update(&animated, .submit("undo"))
    #expect(animated.session.trainer.epoch == 0)
  }

  // MARK: - Demo scripts and recording

  static let demo = """
    # Mazur's example, step by step
    example mazur
    forward
    # now the error
    step
    pause
    backward
    """

  /// Opens `text` as a demo through the file effect, as the edges would.
  static func source(_ text: String, _ s: inout AppState) {
    let effect = App.update(&s, .submit("source demo.txt"))
    let task = try! #require(effect.fileTasks.first)
    #expect(task.operation == .read(path: "demo.txt"))
    _ = App.update(&s, .fileDone(task, .success(Data(text.utf8))))
  }

  @Test func demoStepsWithSpaceAndGoesBackWithP() {
    var s = Self.state([])
    Self.source(Self.demo, &s)
    #expect(s.output.contains { $0.text == "# Mazur's example, step by step" })
    _ = App.update(&s, .key(.character(" ")))  // example mazur
    _ = App.update(&s, .key(.character(" ")))  // forward
    let afterForward = s.session.trainer
    #expect(s.output.contains { $0.text == "# now the error" })
    _ = App.update(&s, .key(.character("n")))  // step
    #expect(s.session.trainer.position != afterForward.position)
    _ = App.update(&s, .key(.character("p")))  // back before `step`
    #expect(s.session.trainer.position == afterForward.position)
    #expect(s.session.trainer.network.weights == afterForward.network.weights)
    for _ in 0..<3 { _ = App.update(&s, .key(.character(" "))) }  // step, pause, backward
    #expect(s.demo?.isFinished == true)
    #expect(s.session.trainer.isComputed(.delta(3)))
  }

  /// Headless, `source` runs the whole script as one command: when a line fails, what the lines
  /// before it did is undone, so a failed command changes nothing (found by the fuzzer).
  @Test func aHeadlessDemoThatFailsChangesNothing() {
    var s = AppState(startScreen: false)
    App.submit("example mazur", &s)
    App.submit("step", &s)
    let before = s.session
    let effect = App.update(&s, .submit("source demo.txt"))
    let task = try! #require(effect.fileTasks.first)
    _ = App.update(&s, .fileDone(task, .success(Data("forward\nset eta 0.1\nset w_99 1\n".utf8))))
    #expect(s.session.trainer == before.trainer)
    #expect(s.session.canUndo == before.canUndo && s.session.canRedo == before.canRedo)
    #expect(s.output.contains { $0.text.contains("what it did is undone") })
    App.submit("undo", &s)
    #expect(s.session.trainer.position.index == 0)
  }

  /// Run headless, a demo line that needs a file (which would arrive after the demo answered)
  /// stops the demo, and what it did is undone; recording does not count as such a line.
  @Test func aHeadlessDemoDoesNotReadFiles() {
    var s = AppState(startScreen: false)
    App.submit("example mazur", &s)
    let before = s.session.trainer
    let effect = App.update(&s, .submit("source demo.txt"))
    let task = try! #require(effect.fileTasks.first)
    _ = App.update(&s, .fileDone(task, .success(Data("forward\nload net.json\nbackward\n".utf8))))
    #expect(s.session.trainer == before)
    #expect(s.output.contains { $0.text.contains("cannot read or write files") })
    // Recording does not stop a demo.
    let start = App.update(&s, .submit("record session.txt"))
    #expect(!start.fileTasks.isEmpty)
    let again = App.update(&s, .submit("source demo.txt"))
    let read = try! #require(again.fileTasks.first { $0.operation == .read(path: "demo.txt") })
    _ = App.update(&s, .fileDone(read, .success(Data("forward\nbackward\n".utf8))))
    #expect(s.session.trainer.position.phase == .update)
  }

  @Test func aMissingDemoIsAClearError() {
    var s = Self.state([])
    let effect = App.update(&s, .submit("source nowhere.txt"))
    let task = try! #require(effect.fileTasks.first)
    _ = App.update(&s, .fileDone(task, .failure(.cannotRead)))
    #expect(s.demo == nil)
    #expect(s.notice?.contains("cannot read nowhere.txt") == true)
  }

  /// `record` writes the commands (typed or keyed) as a script; `source` of that script
  /// reproduces the same state.
  @Test func recordThenSourceReproducesTheState() throws {
    var s = Self.state([])
    var written = Data()
    func settle(_ effect: AppEffect) {
      for task in effect.fileTasks {
        if case .write(_, let contents, _, _) = task.operation { written = contents }
      }
    }
    settle(App.update(&s, .submit("record class.demo")))
    for line in ["example mazur", "set eta 0.7", "forward"] {
      settle(App.update(&s, .submit(line)))
    }
    settle(App.update(&s, .key(.character("s"))))
    settle(App.update(&s, .key(.character("u"))))
    settle(App.update(&s, .submit("record off")))
    let text = try #require(String(data: written, encoding: .utf8))
    #expect(text.contains("set eta 0.7\nforward\nstep\nupdate\n"))

    var replay = Self.state([])
    Self.source(text, &replay)
    while replay.demo?.isFinished == false { _ = App.update(&replay, .key(.character(" "))) }
    #expect(replay.session.trainer.network.weights == s.session.trainer.network.weights)
    #expect(replay.session.trainer.position == s.session.trainer.position)
    #expect(replay.session.trainer.learningRate == 0.7)
  }

  // MARK: - Baselines

  @Test func baselinesAreDrawnWithTheirOwnMarks() {
    var s = Self.state(["example xor"])
    #expect(App.submit("baseline save", &s).isError)
    _ = App.update(&s, .submit("train 50"))
    #expect(!App.submit("baseline save online", &s).isError)
    _ = App.update(&s, .submit("mode batch"))
    _ = App.update(&s, .submit("randomize 1"))
    _ = App.update(&s, .submit("restart history"))
    _ = App.update(&s, .submit("train 20"))
    _ = App.update(&s, .submit("plot loss"))
    let text = Views.render(s).text
    #expect(text.contains("* now"))
    #expect(text.contains("o online"))
    #expect(s.baselines.first?.losses.count == 50)
    _ = App.update(&s, .submit("baseline clear"))
    #expect(s.baselines.isEmpty)
  }
}
