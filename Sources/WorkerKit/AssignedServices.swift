import Foundation

/// Which of its services a worker process announces.
///
/// A plugin may serve several services while a deployment wants them in separate processes:
/// `report-indexer` serves `indexer` and `search`, and a search waiting behind an index job in
/// the same process is what made search slow while reports flow in. The daemon passes each
/// instance its manifest's `services` as `REPORTD_SERVICES` (comma-separated), so one manifest
/// can run the indexer for `indexer` and another the same executable for `search` alone.
public struct AssignedServices: Error, CustomStringConvertible, Equatable {
    public let description: String

    /// The plugin's services narrowed to `assigned` (`--services` or `REPORTD_SERVICES`); all
    /// of them when nothing is assigned. Naming a service the plugin does not serve is a
    /// configuration mistake, reported rather than ignored.
    public static func resolve(offered: [String], assigned: String?) throws -> [String] {
        guard let assigned else { return offered }
        let names = assigned.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return offered }
        let unknown = names.filter { !offered.contains($0) }
        guard unknown.isEmpty else {
            throw AssignedServices(description: "REPORTD_SERVICES/--services names \(unknown.joined(separator: ", ")), "
                                   + "which this plugin does not serve (it serves \(offered.joined(separator: ", ")))")
        }
        return offered.filter(names.contains)
    }
}
