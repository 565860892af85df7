import Foundation

/// A regular file in the inbox whose size and mtime have settled.
struct InboxFile: Sendable, Equatable {
    /// The bare file name inside the inbox (never a path).
    let name: String
    let url: URL
    let size: Int
    /// Identifies this version of the file: a rewrite under the same name changes it.
    let stamp: FileStamp

    init(name: String, url: URL, size: Int, stamp: FileStamp) {
        self.name = name
        self.url = url
        self.size = size
        self.stamp = stamp
    }
}

/// The identity of one version of a file: same inode, size and mtime means nothing changed.
struct FileStamp: Sendable, Equatable, Hashable {
    let device: UInt64
    let inode: UInt64
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
