import TerminalUI

/// The open prompt, in place of the status bar: what it asks, the text typed so far, and its keys.
enum PromptLine {
    static func render(_ c: ViewContext, _ prompt: Prompt, area: Rect, into buffer: inout Buffer) {
        let base = c.style(.dimText)
        buffer.fill(area, with: Cell(" ", style: base))
        let question: String, keys: String
        switch prompt.kind {
        case .goTo:
            question = " go to step: "
            keys = "e.g. 1000, 10k, 2M · Enter jumps · Esc cancels "
        case .edit(let index):
            let names = c.state.trainer.parameterNames
            let value = c.state.trainer.parameters[index]
            question = " edit \(names[index]) (now \(DisplayFormat.compact(value, width: 9))) = "
            keys = "Tab next parameter · Enter sets · Esc cancels "
        }
        var x = buffer.write(question, x: area.x, y: area.y, style: c.style(.statusPaused))
        x = buffer.write(prompt.text, x: x, y: area.y, style: c.style(.text).with(.bold))
        x = buffer.write(c.glyphs.isASCII ? "_" : "▏", x: x, y: area.y, style: c.style(.keyHint))
        let keysX = area.maxX - keys.count
        if keysX > x + 1 { buffer.write(keys, x: keysX, y: area.y, style: base) }
    }
}
