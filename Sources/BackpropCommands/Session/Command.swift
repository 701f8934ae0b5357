import BackpropEngine

/// Every command of the language, one case each.
///
/// This enumeration is the registry: a command's name is its raw value, and `spec` gives
/// everything else about it (spellings, help, completion words, which layer carries it out).
/// Adding a command is one case here and one entry in `spec`; every dispatch site switches over
/// this type without a `default`, so the compiler lists each place that must learn the new
/// command. The order of the cases is the order of `help` and the help overlay.
public enum Command: String, CaseIterable, Sendable {
  // Set-up
  case network, example, data, sample, set, mode, randomize
  // Stepping
  case step, finish, forward, backward, update, epoch, train, restart, undo, back, redo
  // Looking
  case show, get, explain, gradcheck, count
  // Files
  case save, load, export
  // Demo scripts
  case source, record, pause
  // Screen
  case plot, screen, zoom
  // Classroom
  case present, play, baseline
  // Lessons
  case lesson, next, previous, answer, `repeat`, hint, skip, progress
  // Help
  case help, quit

  /// The command's entry in the table: its aliases, usage, help text, completion words and
  /// handler.
  public var spec: CommandSpec {
    switch self {
    // Set-up
    case .network:
      CommandSpec(
        self, aliases: ["nn"],
        usage: "network SIZES [ACTIVATION[,ACTIVATION…]] [loss=LOSS] [bias=on|off|frozen] [seed=N]",
        summary: "define a new fully connected network",
        details: """
          SIZES are the layer sizes from inputs to outputs joined by dashes, e.g. 2-2-2 or 3-5-4-3 \
          (at most 16 layers of 1,024 neurons). Neurons are numbered 1, 2, … from the inputs on, so \
          in 2-2-2 the hidden neurons are 3 and 4 and the outputs 5 and 6. ACTIVATION is one of \
          logistic, tanh, relu, identity, softplus, swish, mish, softmax (softmax only on the \
          output layer); give one for all layers or one per layer after the inputs (act=… also \
          works). LOSS is half-squared (½Σ(t−o)², the default), squared ((t−y)²), cross-entropy \
          (with softmax) or binary-cross-entropy (with logistic). Weights start random from the \
          seed (default 1), the same on every machine. The training samples are kept when their \
          sizes still fit.
          """,
        example: "network 2-3-1 tanh,logistic loss=half-squared bias=on seed=7", handler: .session,
        topic: "set-up",
        keywords: Activation.allCases.map(\.rawValue) + Loss.allCases.map { "loss=\($0.rawValue)" }
          + ["bias=on", "bias=off", "bias=frozen"])
    case .example:
      CommandSpec(
        self, aliases: [], usage: "example NAME",
        summary: "load a worked example: mazur, linear, linear2, xor, and, or",
        details: """
          mazur: Mazur's 2-2-2 logistic network with his weights, biases 0.35/0.60 frozen, η = \
          0.5, x = (0.05, 0.10), t = (0.01, 0.99). linear: the article's linear neuron y = x1 w1 + \
          x2 w2 with the case (1, 1, 0) and squared error; linear2 adds the case (1, 0, 1). \
          xor/and/or: a 2-2-1 logistic network on that truth table.
          """,
        example: "example mazur", handler: .session, topic: "set-up",
        keywords: Example.all.map(\.name))
    case .data:
      CommandSpec(
        self, aliases: ["dataset"],
        usage:
          "data NAME | data circle|spiral|gaussian|xor-noise [n=N] [noise=X] [seed=S] | data split FRACTION [seed=S] | data load FILE.csv [inputs=COLS] [targets=COLS]",
        summary:
          "replace the training samples: a built-in or generated dataset, a CSV file, or split off a test set",
        details: """
          Built-in: xor, and, or, linear, linear2, mazur. Generated 2-D sets (two inputs, one \
          output with targets 0/1, or two outputs with one-hot targets): circle, spiral, gaussian, \
          xor-noise, n samples (default 200) with coordinate noise X (default 0) from seed S \
          (default 1), the same on every machine (docs/datasets.md). `data split 0.2` holds out 20% \
          of the samples as a test set whose mean E is shown beside the training E (`show data`, \
          `train`, `plot loss`); `data split 0` puts them back. `data load points.csv` reads a CSV \
          with a header row (comma or semicolon, RFC 4180 quotes, # comments); by default the first \
          columns are the inputs and the rest the targets, or name them: inputs=x1,x2 targets=3. \
          The network must have the dataset's number of inputs and outputs; it is not changed.
          """,
        example: "data spiral n=300 noise=0.1 seed=7", handler: .session, topic: "set-up",
        keywords: Dataset.all.map(\.name) + GeneratedDataset.allCases.map(\.rawValue) + [
          "split", "load", "n=", "noise=", "seed=", "inputs=", "targets=",
        ])
    case .sample:
      CommandSpec(
        self, aliases: ["samples"],
        usage: "sample [add X… -> T… | list | clear | remove N | N]",
        summary: "add, list, clear, remove or choose training samples",
        details: """
          `sample add 0.05 0.1 -> 0.01 0.99` adds a sample (inputs, then ->, then targets; `:` \
          works as well as ->). `sample list` (or just `sample`) lists them, marking the current \
          one. `sample 2` makes the second sample current (online mode). `sample remove 2`, \
          `sample clear`.
          """,
        example: "sample add 1 0 -> 1", handler: .session, topic: "set-up",
        keywords: ["add", "list", "clear", "remove"])
    case .set:
      CommandSpec(
        self, aliases: [], usage: "set NAME VALUE…",
        summary: "set a weight, bias, input, target, η or the number of digits shown",
        details: """
          Names follow the article: w_35 (also w35, w_3,5, w_12,130), b_3, x_1 or x (all inputs), \
          t_5 or t (all targets), eta (or η), digits. Setting a weight, bias, input or target \
          restarts the current pass, since its values used the old number.
          """,
        example: "set w_35 0.4", handler: .session, topic: "set-up", keywords: ["eta", "digits"],
        completesQuantities: true)
    case .mode:
      CommandSpec(
        self, aliases: [], usage: "mode online|batch|early",
        summary: "per-sample (online) or batch gradient descent, or the classic mistake (early)",
        details: """
          Batch mode descends on E = 1/n Σ_x E_x: one update per epoch with the mean gradient. \
          Early mode is online but updates each layer's weights as soon as their gradients are \
          known, so inner δ use weights that already moved: the classic mistake, there to be seen.
          """,
        example: "mode batch", handler: .session, topic: "set-up",
        keywords: TrainingMode.allCases.map(\.rawValue))
    case .randomize:
      CommandSpec(
        self, aliases: ["init", "seed"], usage: "randomize [SEED]",
        summary: "draw new random weights from a seed",
        details:
          "Uniform in ±√(6/(fan_in + fan_out)), from a generator that gives the same numbers everywhere.",
        example: "randomize 42", handler: .session, topic: "set-up")
    // Stepping
    case .step:
      CommandSpec(
        self, aliases: ["s"], usage: "step [N]",
        summary: "run the next micro-step (or N of them) and show its formula with numbers",
        details:
          "Micro-steps: net_j, o_j (with φ'(net_j)), E, then δ_j and ∂E/∂w_ij from the outputs inwards, then each update. N is at most 10000 (use train for more).",
        example: "step 3", handler: .session, topic: "stepping")
    case .finish:
      CommandSpec(
        self, aliases: [], usage: "finish",
        summary: "run the rest of the current pass (forward, backward or update)",
        details: "", example: "finish", handler: .session, topic: "stepping")
    case .forward:
      CommandSpec(
        self, aliases: ["fw"], usage: "forward",
        summary: "run the forward pass of the current sample to its end",
        details: "", example: "forward", handler: .session, topic: "stepping")
    case .backward:
      CommandSpec(
        self, aliases: ["bw"], usage: "backward",
        summary: "run the backward pass to its end (finishing the forward pass first if needed)",
        details: "", example: "backward", handler: .session, topic: "stepping")
    case .update:
      CommandSpec(
        self, aliases: [], usage: "update",
        summary: "apply Δw_ij = −η ∂E/∂w_ij to every weight (finishing earlier passes first)",
        details:
          "In batch mode the update comes once every sample has been through forward and backward.",
        example: "update", handler: .session, topic: "stepping")
    case .epoch:
      CommandSpec(
        self, aliases: [], usage: "epoch",
        summary: "run to the end of the current epoch (every sample once)",
        details: "", example: "epoch", handler: .session, topic: "stepping")
    case .train:
      CommandSpec(
        self, aliases: [], usage: "train N [animate]",
        summary: "train N epochs without explanations, and report the loss",
        details:
          "A partly done epoch is finished first and counts as one. In the interface `train N animate` draws each epoch (see `play`). One command does at most 1000000000 weight-updates (samples × (weights + 100) × N); a larger N is refused with the largest that fits. In the interface `train N` runs as a job any key stops, without that limit.",
        example: "train 1000",
        handler: .session, topic: "stepping")
    case .restart:
      CommandSpec(
        self, aliases: [], usage: "restart [history]",
        summary:
          "go back to the start of the current pass; `restart history` also clears the loss curve",
        details: "", example: "restart", handler: .session, topic: "stepping", keywords: ["history"]
      )
    case .undo:
      CommandSpec(
        self, aliases: ["z"], usage: "undo [N]",
        summary: "undo the last command (or N commands), exactly",
        details: "", example: "undo", handler: .session, topic: "stepping")
    case .back:
      CommandSpec(
        self, aliases: [], usage: "back [N]",
        summary: "go back one micro-step (or N), even inside a pass run by one command",
        details: "", example: "back 2", handler: .session, topic: "stepping")
    case .redo:
      CommandSpec(
        self, aliases: [], usage: "redo [N]",
        summary: "redo what undo or back took back", details: "", example: "redo",
        handler: .session, topic: "stepping")
    // Looking
    case .show:
      CommandSpec(
        self, aliases: ["values", "ls"],
        usage: "show [values|neurons|weights|data|network|jacobian|matrix [L]]",
        summary:
          "show the values of every neuron and weight (blank: not computed in this pass yet)",
        details: """
          Per neuron net, o, φ'(net), ∂E/∂o, δ; per weight w, ∂E/∂w (batch mode: and the mean \
          ∂E/∂w so far), Δw; and E, η, epoch, sample. `show jacobian`: the softmax output's \
          Jacobian ∂o_k/∂net_j = o_k(δ_kj − o_j), whose diagonal is the φ' column. `show matrix L` \
          gives layer L (default: the output layer) in matrix form: W^L (row j, column i holds \
          w_ij), a^(L−1), z^L = W^L a^(L−1) + b^L, a^L, δ^L = (f^L)′ ∘ (W^(L+1))ᵀ δ^(L+1) and \
          ∇_{W^L} = δ^L (a^(L−1))ᵀ, the very numbers of the per-neuron table.
          """,
        example: "show matrix 1", handler: .session, topic: "looking",
        keywords: ["values", "neurons", "weights", "data", "network", "jacobian", "matrix"])
    case .get:
      CommandSpec(
        self, aliases: ["print", "p"], usage: "get NAME…",
        summary:
          "print quantities by name: w_35, b_3, net_3, o_5, δ_5, dphi_5, dE/do_3, dE/dw_35, mean_dE/dw_35, dw_35, x_1, t_5, E, eta",
        details: "", example: "get o_5 δ_5", handler: .session, topic: "looking",
        keywords: ["E", "eta"], completesQuantities: true)
    case .explain:
      CommandSpec(
        self, aliases: ["why"], usage: "explain [NAME|next|last]",
        summary: "a quantity's formula in the article's notation, with the numbers filled in",
        details: "Without a name, the last micro-step. `explain next` previews the next one.",
        example: "explain δ_3", handler: .session, topic: "looking", keywords: ["next", "last"],
        completesQuantities: true)
    case .gradcheck:
      CommandSpec(
        self, aliases: ["check-gradients"], usage: "gradcheck [h=STEP]",
        summary: "compare every backprop gradient with central finite differences",
        details:
          "(E(θ+h) − E(θ−h))/2h on the mean error over the samples, with the relative error per weight. A network with more than 200 parameters is checked on 200 of them, spread evenly.",
        example: "gradcheck", handler: .session, topic: "looking", keywords: [])
    case .count:
      CommandSpec(
        self, aliases: [], usage: "count",
        summary: "multiplications for the whole gradient: backward pass vs forward mode",
        details: """
          Counts the multiplications one backward pass uses for every ∂E/∂w of the current \
          network, and how many forward-mode differentiation (one forward pass per weight) \
          would need: the article's argument for going backwards, counted live. `show network` \
          ends with the same two figures.
          """,
        example: "count", handler: .session, topic: "looking")
    // Files
    case .save:
      CommandSpec(
        self, aliases: [], usage: "save FILE",
        summary:
          "save the network, weights, samples and settings as JSON (see docs/network-file.md)",
        details: "", example: "save mynet.json", handler: .session, topic: "files")
    case .load:
      CommandSpec(
        self, aliases: ["open"], usage: "load FILE",
        summary: "load a network file written by save", details: "", example: "load mynet.json",
        handler: .session, topic: "files")
    case .export:
      CommandSpec(
        self, aliases: [], usage: "export loss|trail|values|dot FILE",
        summary: "write the loss curve, descent path or values table as CSV, or the network as DOT",
        details: """
          `export loss FILE.csv`: epoch, mean E (and test E after `data split`). `export trail \
          FILE.csv`: the descent path, one row per kept update (its epoch and sample; sample 0 \
          is a whole batch, epoch 0 the start) with every weight. `export values \
          FILE.csv`: per neuron net, o, φ'(net), δ of the current pass (blank: not computed yet). \
          Numbers are written so that they read back exactly. `export dot FILE.dot`: the network \
          for Graphviz (`dot -Tsvg`), o_j and δ_j on the neurons, w_ij and ∂E/∂w_ij on the edges.
          """,
        example: "export loss loss.csv", handler: .session, topic: "files",
        keywords: ["loss", "trail", "values", "dot"])
    // Demo scripts
    case .source:
      CommandSpec(
        self, aliases: ["demo"], usage: "source FILE",
        summary: "play a demo script in the interface: one line per key press (space or n)",
        details: """
          A script is one command per line. In the interface each press of space or n runs the \
          next line, `#` lines are shown as captions, a `pause` line waits for a key, and p \
          goes back one line (undoing its command); any typed command leaves the script. \
          Headless (`--headless --script FILE`, or `source` there) the lines run at once, so a \
          demo can be tested before class.
          """,
        example: "source class1.demo", handler: .app, topic: "demo scripts",
        inLessonFiles: false)
    case .record:
      CommandSpec(
        self, aliases: [], usage: "record FILE|off",
        summary: "write the commands of this session (typed or keyed) to FILE as a demo script",
        details:
          "The file is rewritten after every command, so nothing is lost; `record off` stops.",
        example: "record class1.demo", handler: .app, topic: "demo scripts", keywords: ["off"],
        inLessonFiles: false)
    case .pause:
      CommandSpec(
        self, aliases: [], usage: "pause",
        summary: "in a demo script: wait for a key without running anything",
        details: "", example: "pause", handler: .app, topic: "demo scripts",
        inLessonFiles: false)
    // App
    case .plot:
      CommandSpec(
        self, aliases: [],
        usage:
          "plot [surface [W1 W2]|parabola|loss [log]|boundary|matrix [L]|off] [range=A:B,C:D] [clear]",
        summary: "show a plot: the error surface over two weights, E against y, or the loss curve",
        details: """
          `plot surface` draws E over the two weights into the output (w_13 and w_23 for the \
          linear neuron), with the descent path; `plot surface w_13 w_24` any two weights of any \
          network, the rest held fixed. `plot parabola` draws E against the output y for the \
          current sample. `plot loss` the mean E per epoch (`plot loss log` for a log scale), with \
          the test E after `data split`. `plot boundary` (two inputs) shades the network's output \
          over the input square with the samples on top by class (softmax: the winning class's \
          probability, or p(class 2) with two outputs). `plot matrix [L]` keeps `show matrix L` \
          in the pane as the run steps (`zoom plot` or Z to read it whole, PgUp/PgDn to scroll). \
          range=-2:2,-2:2 sets the axes; `plot clear` forgets the path; `plot off` hides the plot \
          pane.
          """,
        example: "plot surface w_13 w_23 range=-1:2,-2:1", handler: .app, topic: "screen",
        keywords: ["surface", "parabola", "loss", "boundary", "matrix", "log", "off", "clear"],
        completesQuantities: true, inLessonFiles: true)
    case .screen:
      CommandSpec(
        self, aliases: [], usage: "screen [WIDTHxHEIGHT] [ascii]",
        summary: "print the TUI screen as text (headless), default 100x30",
        details: "", example: "screen 120x40", handler: .app, topic: "screen", keywords: ["ascii"],
        steersLesson: true, inLessonFiles: true)
    case .zoom:
      CommandSpec(
        self, aliases: [], usage: "zoom [network|values|equation|lesson|output|plot|off]",
        summary: "make one pane fill the screen, or `zoom off` to go back",
        details: """
          `zoom lesson` (or any pane's name) lets that pane fill the screen; `zoom` alone zooms \
          the focused pane, or goes back when one is zoomed; `zoom off` restores the layout. The \
          other panes keep their place. In the interface Tab moves the focus between panes, \
          PgUp/PgDn/Home/End scroll the focused pane, and Z zooms it.
          """,
        example: "zoom network", handler: .app, topic: "screen",
        keywords: ["network", "values", "equation", "lesson", "output", "plot", "off"],
        steersLesson: true, inLessonFiles: false)
    // Classroom
    case .present:
      CommandSpec(
        self, aliases: ["presenter"], usage: "present on|off",
        summary: "presenter mode: the current equation in large letters beside the network",
        details: """
          For a projector: only the network (with the neurons of the step highlighted), the \
          equation in block letters at least 5 rows high with its numbers beneath, and a short \
          output are shown; high contrast, no dim text. Below 110×34 the equation is drawn in \
          ordinary bold text instead of block letters. `backprop --present` starts in it.
          """,
        example: "present on", handler: .app, topic: "classroom", keywords: ["on", "off"],
        steersLesson: true, inLessonFiles: false)
    case .play:
      CommandSpec(
        self, aliases: ["autoplay"], usage: "play [SPEED]|stop",
        summary: "run micro-steps on a timer, SPEED steps a second (default 1)",
        details: """
          `play 2` runs two micro-steps a second, `play 0.5` one every two seconds (0.1 to 50). \
          In the interface + and - change the speed, space pauses and resumes, and any command \
          stops it. `train N animate` trains an epoch per tick so the loss curve and the descent \
          path grow while the class watches.
          """,
        example: "play 2", handler: .app, topic: "classroom", keywords: ["stop"],
        inLessonFiles: false)
    case .baseline:
      CommandSpec(
        self, aliases: [], usage: "baseline save [NAME]|list|clear",
        summary: "keep this run's loss curve and descent path to compare against",
        details: """
          `baseline save online` keeps the loss history and the descent trail under a name \
          (default run1, run2, …; at most 4 are kept). `plot loss` then draws the current run and \
          every baseline with different marks and a legend, `plot surface` both trails. \
          `baseline clear` forgets them.
          """,
        example: "baseline save eta0.1", handler: .app, topic: "classroom",
        keywords: ["save", "list", "clear"], inLessonFiles: false)
    case .lesson:
      CommandSpec(
        self, aliases: ["lessons"], usage: "lesson [N|NAME|list|quit]",
        summary: "list the lessons, or start one", details: "", example: "lesson 1",
        handler: .lesson,
        topic: "lessons", keywords: ["list", "quit"], steersLesson: true, inLessonFiles: false)
    case .next:
      CommandSpec(
        self, aliases: ["n", "continue"], usage: "next",
        summary: "in a lesson: go on to the next page", details: "", example: "next",
        handler: .lesson,
        topic: "lessons", steersLesson: true, inLessonFiles: false)
    case .previous:
      CommandSpec(
        self, aliases: ["prev"], usage: "previous",
        summary: "in a lesson: go back a page", details: "", example: "previous", handler: .lesson,
        topic: "lessons", steersLesson: true, inLessonFiles: false)
    case .answer:
      CommandSpec(
        self, aliases: ["a"], usage: "answer VALUE",
        summary:
          "in a lesson: answer the current question (a number, an option letter, or a command)",
        details: "", example: "answer 0.75", handler: .lesson, topic: "lessons", steersLesson: true,
        inLessonFiles: false)
    case .`repeat`:
      CommandSpec(
        self, aliases: ["again"], usage: "repeat",
        summary:
          "in a lesson: show this page again from its start, with the engine as it was there",
        details: "", example: "repeat", handler: .lesson, topic: "lessons", steersLesson: true,
        inLessonFiles: false)
    case .hint:
      CommandSpec(
        self, aliases: [], usage: "hint",
        summary: "in a lesson: a hint for the current question",
        details: "", example: "hint", handler: .lesson, topic: "lessons", steersLesson: true,
        inLessonFiles: false)
    case .skip:
      CommandSpec(
        self, aliases: [], usage: "skip", summary: "in a lesson: skip the current question",
        details: "", example: "skip", handler: .lesson, topic: "lessons", steersLesson: true,
        inLessonFiles: false)
    case .progress:
      CommandSpec(
        self, aliases: [], usage: "progress [reset]",
        summary: "show lesson progress, or forget it", details: "", example: "progress reset",
        handler: .lesson, topic: "lessons", keywords: ["reset"], steersLesson: true,
        inLessonFiles: false)
    case .help:
      CommandSpec(
        self, aliases: ["?", "h"], usage: "help [COMMAND]",
        summary: "list the commands, or explain one", details: "", example: "help step",
        handler: .session, topic: "help", keywords: Command.allCases.map(\.rawValue),
        steersLesson: true)
    case .quit:
      CommandSpec(
        self, aliases: ["exit", "q"], usage: "quit", summary: "leave backprop", details: "",
        example: "quit", handler: .app, topic: "help", steersLesson: true, inLessonFiles: false)
    }
  }
}
