import BackpropApp
import Foundation
import BackpropCommands
import Testing
import TextGrid

/// Keys and lines turned into state by `App.update`.
@Suite struct UpdateTests {
  func keys(_ text: String, _ state: inout AppState) {
    for c in text { _ = App.update(&state, .key(.character(c))) }
  }

  @Test func shortcutsStepTheNetwork() {
    var s = AppState(startScreen: false)
    _ = App.update(&s, .key(.character(" ")))
    #expect(s.session.trainer.position.index == 1)
    _ = App.update(&s, .key(.character("f")))
    #expect(s.session.trainer.position.phase == .backward)
    _ = App.update(&s, .key(.character("b")))
    _ = App.update(&s, .key(.character("u")))
    #expect(s.session.trainer.epoch == 1)
    _ = App.update(&s, .key(.character("z")))
    #expect(s.session.trainer.epoch == 0)
  }

  @Test func commandLineEditing() {
    var s = AppState(startScreen: false)
    _ = App.update(&s, .key(.character(":")))
    #expect(s.isEditing)
    keys("get o_x", &s)
    _ = App.update(&s, .key(.backspace))
    keys("5", &s)
    _ = App.update(&s, .key(.home))
    _ = App.update(&s, .key(.delete))
    keys("g", &s)
    #expect(s.editor.line == "get o_5")
    _ = App.update(&s, .key(.control("u")))
    #expect(s.editor.line == "et o_5")  // the cursor was after "g": Ctrl-U removes just that
    _ = App.update(&s, .key(.end))
    _ = App.update(&s, .key(.control("u")))
    #expect(s.editor.line == "")
    keys("fo", &s)
    _ = App.update(&s, .key(.tab))
    #expect(s.editor.line == "forward ")
    _ = App.update(&s, .key(.enter))
    #expect(!s.isEditing)
    #expect(s.session.trainer.position.phase == .backward)
    // History.
    _ = App.update(&s, .key(.character(":")))
    _ = App.update(&s, .key(.up))
    #expect(s.editor.line == "forward ")
  }

  @Test func errorsPointAtTheColumn() {
    var s = AppState(startScreen: false)
    let before = s.session.trainer
    let result = App.submit("set w_35 abc", &s)
    #expect(result.isError)
    #expect(result.lines.first?.contains("column 10") == true)
    #expect(s.session.trainer == before)
    #expect(s.notice?.contains("abc") == true)
  }

  @Test func quitAsksOnlyInAnUnfinishedLesson() {
    var s = AppState(startScreen: false)
    #expect(App.update(&s, .key(.character("q"))) == .quit)
    #expect(App.update(&s, .key(.control("c"))) == .quit)
  }

  @Test func trainingJobRunsInSlicesAndAKeyStopsIt() {
    var s = AppState(startScreen: false)
    s.isInteractive = true
    App.submit("example xor", &s)
    var effect = App.submit("train 100000", &s).effect
    #expect(s.job != nil)
    #expect(effect == .tick(milliseconds: 0))
    effect = App.update(&s, .tick)
    let reached = s.session.trainer.epoch
    #expect(reached > 0)
    _ = App.update(&s, .key(.character("x")))
    #expect(s.job == nil)
    #expect(s.session.trainer.epoch == reached)
    // The whole run undoes as one.
    App.submit("undo", &s)
    #expect(s.session.trainer.epoch == 0)
  }

  /// A job on a data set where one epoch is more than a slice of work runs in slices of
  /// samples, started mid-pass; it ends bit for bit where the typed command ends, reports as the
  /// command does, and undoes as one.
  @Test func aTrainingJobEndsWhereTheCommandEnds() {
    let setup = ["network 2-64-64-1 seed=3", "data spiral n=1000", "step 5"]
    var job = AppState(startScreen: false)
    job.isInteractive = true
    var typed = AppState(startScreen: false)
    for line in setup {
      App.submit(line, &job)
      App.submit(line, &typed)
    }
    let start = job.session.trainer
    App.submit("train 4", &typed)
    App.submit("train 4", &job)
    var slices = 1
    var midEpoch = false
    while job.job != nil {
      midEpoch = midEpoch || job.session.trainer.position != .start
      _ = App.update(&job, .tick)
      slices += 1
    }
    #expect(slices > 4 && midEpoch, "\(slices) slices")
    #expect(job.session.trainer.network == typed.session.trainer.network)
    #expect(job.session.trainer.losses == typed.session.trainer.losses)
    #expect(job.session.trainer.epoch == 4 && job.session.trainer.position == .start)
    let report = job.output.last { $0.kind == .output }?.text ?? ""
    let typedReport = typed.output.last { $0.kind == .output }?.text ?? ""
    #expect(report == typedReport && report.contains("4 epochs"), "\(report) | \(typedReport)")
    App.submit("undo", &job)
    #expect(job.session.trainer == start)
  }

  /// A key stops such a job mid-epoch, at the start of a sample, with the status line showing
  /// where; `train 1` then finishes that epoch, as it finishes any partly done epoch.
  @Test func aKeyStopsATrainingJobMidEpoch() {
    var s = AppState(startScreen: false)
    s.isInteractive = true
    App.submit("network 2-64-64-1 seed=3", &s)
    App.submit("data spiral n=1000", &s)
    App.submit("train 3", &s)
    #expect(s.session.trainer.position.sample > 0)
    let status = Views.render(s).lines.last ?? ""
    #expect(status.contains("· sample \(s.session.trainer.position.sample)/1000"), "\(status)")
    _ = App.update(&s, .key(.character("x")))
    #expect(s.job == nil)
    #expect(s.session.trainer.epoch == 0 && s.session.trainer.position.isAtSampleStart)
    App.submit("train 1", &s)
    while s.job != nil { _ = App.update(&s, .tick) }
    #expect(s.session.trainer.epoch == 1 && s.session.trainer.position == .start)
  }

  @Test func resizeRelayouts() {
    var s = AppState(width: 80, height: 24, startScreen: false)
    _ = App.update(&s, .resize(width: 132, height: 43))
    let g = Views.render(s)
    #expect(g.width == 132 && g.height == 43)
  }
}

/// Every character the course and the screens use has an ASCII spelling.
@Suite struct ASCIIFallbackTests {
  @Test func theCourseReadsInASCII() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let lessons = root.appendingPathComponent("lessons")
    let files = try FileManager.default.contentsOfDirectory(atPath: lessons.path)
    #expect(files.count >= 12)
    for file in files where file.hasSuffix(".lesson") {
      let text = try String(contentsOf: lessons.appendingPathComponent(file), encoding: .utf8)
      let ascii = GlyphSet.ascii.text(text)
      #expect(
        !ascii.contains("?") || text.contains("?"), "\(file) has characters without an ASCII form")
      #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
    }
  }
}
