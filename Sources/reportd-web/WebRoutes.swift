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
        router.get("/track") { request, _ in await track(TrackPage.Form(FormQuery(request.uri.query)), daemon, as: .page) }
        router.get("/track.csv") { request, _ in await track(TrackPage.Form(FormQuery(request.uri.query)), daemon, as: .csv) }
        router.get("/track.svg") { request, _ in await track(TrackPage.Form(FormQuery(request.uri.query)), daemon, as: .svg) }
        // The compare page became the track page (one pairing rule, the daemon's): old links keep working.
        for (old, new) in [("/compare", "/track"), ("/compare.csv", "/track.csv"), ("/compare.svg", "/track.svg")] {
            router.get(RouterPath(old)) { request, _ in
                Response(status: .movedPermanently, headers: [.location: HTML.link(new, TrackPage.Form(FormQuery(request.uri.query)).query)])
            }
        }
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

    enum TrackFormat { case page, csv, svg }

    static func track(_ form: TrackPage.Form, _ daemon: DaemonGateway, as format: TrackFormat) async -> Response {
        do {
            // The page and the chart show how many copies a figure has; the CSV names them.
            let view = try await daemon.call(form.request(copyLimit: format == .csv ? nil : 0), as: TrackView.self)
            switch format {
            case .page: return Responses.html(TrackPage.render(form: form, view: view))
            case .csv: return Responses.body(TrackCSV.render(view), type: "text/csv; charset=utf-8", download: "track.csv")
            case .svg: return Responses.body(TrackChart.svg(TrackSeries(view, measure: form.measure)), type: "image/svg+xml; charset=utf-8",
                                             download: "track.svg")
            }
        } catch ControlClientError.daemonRefused(_, let reason, let code) where format == .page && code != .internal {
            // Said beside the form, to fix it there: an unknown indicator or region, or a query past
            // the daemon's time limit (refused, 503: narrow it by region, level or years).
            return Responses.html(TrackPage.render(form: form, view: nil, problem: reason),
                                  status: code == .refused ? .serviceUnavailable : code == .notFound ? .notFound : .badRequest)
        } catch {
            return Responses.failure(error, section: .track)
        }
    }
}
