import Foundation

/// A short-lived thread made some steps nicer than the daemon, to start a plugin from: Linux
/// keeps the nice value per thread, and a child starts with that of the thread that spawned it,
/// as do all the threads the child starts after. Setting it on the child after the spawn would
/// race with the threads it starts; setting it on a daemon thread could never be undone
/// (lowering it needs CAP_SYS_NICE).
enum NicerThread {
    /// Runs `body` on a new thread `steps` nicer than the caller (at most 19) and waits for it.
    /// Returns the errno of a refused `setpriority` (a seccomp filter, say), in which case `body`
    /// ran at the caller's priority; throws the errno of a thread that could not be created.
    static func run(nicer steps: Int, _ body: @escaping () -> Void) throws(ThreadStartError) -> Int32? {
        let work = Work(steps: steps, body: body)
        let context = Unmanaged.passRetained(work).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Work>.fromOpaque(context).release()
            throw ThreadStartError(code: created)
        }
        pthread_join(thread, nil)
        return work.niceRefused
    }

    struct ThreadStartError: Error {
        let code: Int32
    }

    private final class Work: @unchecked Sendable {
        let steps: Int
        let body: () -> Void
        /// Written by the thread before it ends, read after the join.
        var niceRefused: Int32?

        init(steps: Int, body: @escaping () -> Void) {
            self.steps = steps
            self.body = body
        }

        func run() {
            let which = __priority_which_t(PRIO_PROCESS.rawValue)
            let upper = Int32(PluginManifest.niceRange.upperBound)
            let target = min(upper, getpriority(which, 0) + Int32(min(max(steps, 0), Int(upper))))
            if setpriority(which, 0, target) != 0 { niceRefused = errno }
            body()
        }
    }
}
