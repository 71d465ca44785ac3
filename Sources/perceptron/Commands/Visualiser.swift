import PerceptronApp

/// The frame loop `watch` and `lesson` share: draws, waits for keys or the next tick, updates,
/// until a quit; then closes the terminal and exits by a signal that asked us to quit.
enum Visualiser {
    static func run(_ state: inout AppState, terminal: NCursesTerminal, crashAfterFirstFrame: Bool = false) {
        let clock = ContinuousClock()
        let start = clock.now
        var lastTick = start
        var needsDraw = true
        var quit = false
        // Effects `update` asks for happen here, at the edge; their outcome goes back in as a message.
        func perform(_ commands: [Command]) {
            for command in commands {
                switch command {
                case .quit: quit = true
                case .redrawScreen: terminal.requestFullRepaint()
                case .export(let export): perform(update(&state, RunFileWriter.write(export)))
                }
            }
        }
        while !quit && !state.quitRequested && !TerminalSafety.quitRequested {
            if needsDraw || terminal.needsFullRepaint {
                terminal.draw(view(state))
                needsDraw = false
                if crashAfterFirstFrame { TerminalSafety.simulateCrashForTesting() }
            }
            var timeout = -1
            if let interval = tickDuration(state) {
                timeout = max(0, Int(((lastTick + interval - clock.now) / .milliseconds(1)).rounded(.up)))
            }
            // Every key that is waiting is handled before the next frame, so a paste of thousands
            // of keys costs one frame, and a `q` at its end quits at once.
            let events = terminal.nextEvents(timeoutMilliseconds: timeout)
            let wasRunning = state.running
            for event in events {
                switch event {
                case .key(let key): perform(update(&state, .key(key)))
                case .resize(let w, let h): perform(update(&state, .resize(width: w, height: h)))
                case .hangup: TerminalSafety.terminalHungUp()
                case .mouse(let mouse): perform(update(&state, .mouse(mouse)))
                }
                if quit || state.quitRequested || TerminalSafety.quitRequested { break }
            }
            if !events.isEmpty {
                needsDraw = true
                // Resuming starts the clock afresh: the pause is not made up for with a burst of steps.
                if !wasRunning { lastTick = clock.now }
            }
            let now = clock.now
            if let interval = tickDuration(state) {
                let elapsed = now - lastTick
                if elapsed >= interval {
                    perform(update(&state, .tick(seconds: elapsed.seconds)))
                    lastTick = now
                    needsDraw = true
                }
            }
        }
        terminal.close()
        // By the signal's default action when one asked us to quit (status 128+n), else 0.
        TerminalSafety.exitForRequestedSignal()
    }

    /// The time between ticks while running; nil while paused.
    private static func tickDuration(_ state: AppState) -> Duration? {
        state.tickInterval.map { .nanoseconds(Int64($0 * 1e9)) }
    }
}
