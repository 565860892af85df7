import Hummingbird
import ReportClient
import WebPages

/// How handlers answer: pages, downloads, and the daemon's failures as pages that say what to do.
enum Responses {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, type: "text/html; charset=utf-8", status: status)
    }

    static func body(_ text: String, type: String, status: HTTPResponse.Status = .ok, download: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The daemon did not answer or refused: 503 or 404 with the reason, on the page of `section`.
    static func failure(_ error: any Error, section: Layout.Section) -> Response {
        switch error {
        case ControlClientError.daemonRefused(_, let reason, .notFound):
            return html(Layout.message(title: "没有这份报告 Not found", detail: reason, section: section), status: .notFound)
        case ControlClientError.daemonRefused(_, let reason, .invalid):
            return html(Layout.message(title: "请求有误 Bad request", detail: reason, section: section), status: .badRequest)
        case ControlClientError.daemonRefused(_, let reason, .internal):
            return html(Layout.message(title: "守护进程出错 The daemon failed", detail: reason, section: section), status: .internalServerError)
        case let error as ControlClientError:
            return html(Layout.message(title: "守护进程没有回应 The daemon did not answer", detail: error.description, section: section),
                        status: .serviceUnavailable)
        default:
            return html(Layout.message(title: "出错了 Something failed", detail: "\(error)", section: section), status: .internalServerError)
        }
    }
}
