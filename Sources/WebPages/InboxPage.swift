import ReportProtocol

/// The inbox and pipeline page: the latest reports with their steps, then the daemon's queues and
/// workers. The live script replaces rows and the status panel with the fragments rendered here.
public enum InboxPage {
    public static func render(rows: [InboxRow], status: StatusView, since seq: Int64) -> String {
        let table = rows.isEmpty
            ? "<p class=\"empty\" id=\"inbox-empty\">还没有报告：把文件放进收件箱。 <span class=\"en\">No reports yet: drop files into the inbox.</span></p>"
            : ""
        let body = """
        <h1>\(Layout.label("收件箱与流程", "Inbox and pipeline"))</h1>
        <p class="lede">报告到达后依次经过解析、索引、摘要，本页实时更新。 <span class="en">Reports appear as they arrive and tick through the pipeline, live.</span> <span id="live-state" class="live" data-since="\(seq)">静态 <span class="en">static</span></span></p>
        \(table)<div class="table-wrap"><table class="inbox" id="inbox">
        <thead><tr><th>\(Layout.label("文件", "File"))</th><th>\(Layout.label("标题", "Title"))</th><th class="time">\(Layout.label("接收时间 (UTC)", "Accepted"))</th><th>\(Layout.label("流程", "Pipeline"))</th><th>\(Layout.label("状态", "State"))</th></tr></thead>
        <tbody>
        \(rows.map(row).joined(separator: "\n"))
        </tbody></table></div>
        <section id="status">\(statusPanel(status))</section>
        """
        return Layout.page(title: "收件箱 Inbox", section: .inbox, body: body, live: true)
    }

    /// One report's row; `id` and `data-stage` are what the live script and the tests look for.
    public static func row(_ row: InboxRow) -> String {
        let id = HTML.escape(row.reportId)
        let title = row.title.map { HTML.escape($0) } ?? "<span class=\"muted\">–</span>"
        let region = row.region.map { " <span class=\"muted\">\(HTML.escape($0))</span>" } ?? ""
        let steps = InboxRow.Step.allCases.map { step in
            let reached = row.reached.contains(step)
            return "<span class=\"step\(reached ? " on" : "")\" data-step=\"\(step.rawValue)\" title=\"\(step.rawValue)\">\(reached ? "✓" : "·") \(step.label)</span>"
        }.joined()
        let failure = row.failure.map {
            "<div class=\"reason\">\(HTML.escape($0.stage)): \(HTML.escape($0.reason))</div>"
        } ?? ""
        return """
        <tr id="r-\(id)" data-stage="\(row.state)"><td class="file"><a href="\(HTML.reportLink(row.reportId))">\(HTML.escape(row.file))</a></td><td class="title">\(title)\(region)</td><td class="time"><time datetime="\(HTML.escape(row.acceptedAt))">\(HTML.escape(shortTime(row.acceptedAt)))</time></td><td class="steps">\(steps)</td><td class="state"><span class="badge \(row.state)">\(stateLabel(row.state))</span>\(failure)</td></tr>
        """
    }

    /// 2026-12-06T20:21:09.502Z → 12-06 20:21:09 (UTC, as the daemon stamps it; the full time is in `datetime`).
    static func shortTime(_ time: String) -> String {
        guard time.count >= 19, time.dropFirst(10).first == "T" else { return time }
        let characters = Array(time)
        return String(characters[5..<10]) + " " + String(characters[11..<19])
    }

    static func stateLabel(_ state: String) -> String {
        switch state {
        case "done": Layout.label("完成", "done")
        case "failed": Layout.label("失败", "failed")
        default: Layout.label("处理中", state)
        }
    }

    /// Counts, queue depths and workers, as the live script swaps them in every few seconds.
    public static func statusPanel(_ status: StatusView) -> String {
        let counts = status.counts
        let countCells = [
            ("已接收", "accepted", counts.accepted), ("处理中", "in progress", counts.inProgress),
            ("完成", "done", counts.done), ("失败", "failed", counts.failed), ("重复", "duplicates", counts.duplicates),
        ].map { "<div class=\"count\"><b>\($0.2)</b> \($0.0) <span class=\"en\">\($0.1)</span></div>" }.joined()
        let waiting = status.queues.sorted { $0.key < $1.key }.map {
            "<tr><td>\(HTML.escape($0.key))</td><td class=\"num\">\($0.value)</td></tr>"
        }.joined()
        let queues = waiting.isEmpty ? "<tr><td colspan=\"2\" class=\"muted\">无等待任务 <span class=\"en\">nothing waiting</span></td></tr>" : waiting
        let workers = status.workers.sorted { ($0.name, $0.identity) < ($1.name, $1.identity) }.map {
            "<tr><td>\(HTML.escape($0.name))</td><td>\(HTML.escape($0.services.joined(separator: ", ")))</td><td><span class=\"badge \($0.state.rawValue)\">\($0.state.rawValue)</span></td><td class=\"num\">\($0.jobsDone)</td></tr>"
        }.joined()
        return """
        <h2>\(Layout.label("流水线", "Pipeline"))</h2><div class="counts">\(countCells)</div>
        <div class="panels"><div class="table-wrap"><table><thead><tr><th>\(Layout.label("队列", "Queue"))</th><th>\(Layout.label("等待", "Waiting"))</th></tr></thead><tbody>\(queues)</tbody></table></div>
        <div class="table-wrap"><table><thead><tr><th>\(Layout.label("工作进程", "Worker"))</th><th>\(Layout.label("服务", "Services"))</th><th>\(Layout.label("状态", "State"))</th><th>\(Layout.label("完成任务", "Jobs"))</th></tr></thead><tbody>\(workers)</tbody></table></div></div>
        <p class="muted">reportd \(HTML.escape(status.version)) · seq \(status.lastSeq)</p>
        """
    }
}
