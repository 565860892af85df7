import HTTPTypes
import Hummingbird
import ReportClient
import ReportProtocol
import WebPages

/// The URLs of the web view; each handler asks the daemon, then hands the answer to a page renderer.
enum WebRoutes {
    static func add(to router: Router<BasicRequestContext>, daemon: DaemonGateway) {
        router.get("/") { _, _ in await inbox(daemon) }
        router.get("/events") { request, _ in events(request, daemon) }
        router.get("/reports/:id") { request, context in
            await report(id: context.parameters.get("id") ?? "", query: FormQuery(request.uri.query), daemon)
        }
        router.get("/search") { request, _ in await search(FormQuery(request.uri.query), daemon) }
        router.get("/compare") { request, _ in await compare(FormQuery(request.uri.query), daemon, as: .page) }
        router.get("/compare.csv") { request, _ in await compare(FormQuery(request.uri.query), daemon, as: .csv) }
        router.get("/compare.svg") { request, _ in await compare(FormQuery(request.uri.query), daemon, as: .svg) }
        router.get("/static/style.css") { _, _ in
            Responses.body(StaticAssets.styleSheet, type: "text/css; charset=utf-8")
        }
        router.get("/static/live.js") { _, _ in
            Responses.body(StaticAssets.liveScript, type: "text/javascript; charset=utf-8")
        }
    }

    static func inbox(_ daemon: DaemonGateway) async -> Response {
        do {
            let (status, events) = try await daemon.withClient { client in
                let status = try client.call(ControlRequest(command: .status), as: StatusView.self)
                return (status, try InboxWindow.events(through: client, lastSeq: status.lastSeq))
            }
            let rows = InboxModel.rows(from: events, limit: InboxWindow.reports)
            return Responses.html(InboxPage.render(rows: rows, status: status, since: status.lastSeq))
        } catch {
            return Responses.failure(error, section: .inbox)
        }
    }

    static func events(_ request: Request, _ daemon: DaemonGateway) -> Response {
        let lastEventId = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { Int64($0) }
        let since = lastEventId ?? FormQuery(request.uri.query)["since"].flatMap { Int64($0) } ?? 0
        guard let stream = LiveFeed.stream(daemon: daemon, since: max(0, since)) else {
            return Responses.body("too many live streams; try again later\n", type: "text/plain; charset=utf-8", status: .serviceUnavailable)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                        body: ResponseBody(asyncSequence: stream))
    }

    static func report(id: String, query: FormQuery, _ daemon: DaemonGateway) async -> Response {
        // A prefix of at least 8 hex digits, as reportctl takes; anything else never reaches the daemon.
        guard (8...64).contains(id.count), id.allSatisfy(\.isHexDigit) else {
            return Responses.html(Layout.message(title: "没有这份报告 Not found", detail: "'\(id)' is not a report id: give at least 8 hexadecimal digits", section: .report), status: .notFound)
        }
        do {
            let view = try await daemon.call(ControlRequest(command: .get, reportId: id.lowercased()), as: ReportReply.self).view
            return Responses.html(ReportPage.render(view, terms: query.all("hl"), near: query["near"]))
        } catch {
            return Responses.failure(error, section: .report)
        }
    }

    static func search(_ query: FormQuery, _ daemon: DaemonGateway) async -> Response {
        let form = SearchPage.Form(query: query["q"] ?? "", region: query["region"], year: query["year"].flatMap { Int($0) },
                                   section: query["section"])
        guard !form.query.isEmpty else { return Responses.html(SearchPage.render(form: form, response: nil)) }
        do {
            let request = ControlRequest(command: .search, query: form.query, limit: 50, region: form.region,
                                         year: form.year, section: form.section)
            let response = try await daemon.call(request, as: SearchResponse.self)
            return Responses.html(SearchPage.render(form: form, response: response))
        } catch ControlClientError.daemonRefused(_, let reason, let code) {
            // Said beside the form, to fix the query there or try again: a refusal (no search worker
            // free, shutting down) is the daemon being busy (503), a daemon error 500, anything else
            // a query it cannot run (400).
            let status: HTTPResponse.Status = switch code {
            case .refused: .serviceUnavailable
            case .internal: .internalServerError
            case .invalid, .notFound, nil: .badRequest
            }
            return Responses.html(SearchPage.render(form: form, response: nil, problem: reason), status: status)
        } catch {
            return Responses.failure(error, section: .search)
        }
    }

    enum CompareFormat { case page, csv, svg }

    static func compare(_ query: FormQuery, _ daemon: DaemonGateway, as format: CompareFormat) async -> Response {
        let indicator = query["indicator"] ?? ComparePage.suggestions[0]
        let measure = query["measure"].flatMap(CompareSeries.Measure.init(rawValue:))
        do {
            let view = try await daemon.call(ControlRequest(command: .compare, indicator: indicator), as: CompareView.self)
            switch format {
            case .page: return Responses.html(ComparePage.render(indicator: indicator, measure: measure, view: view))
            case .csv: return Responses.body(CompareCSV.render(view), type: "text/csv; charset=utf-8", download: "compare.csv")
            case .svg: return Responses.body(CompareChart.svg(CompareSeries(view, measure: measure)), type: "image/svg+xml; charset=utf-8",
                                             download: "compare.svg")
            }
        } catch {
            return Responses.failure(error, section: .compare)
        }
    }
}
