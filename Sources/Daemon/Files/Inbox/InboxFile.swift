import Foundation

/// A regular file in the inbox whose size and mtime have settled.
public struct InboxFile: Sendable, Equatable {
    /// The bare file name inside the inbox (never a path).
    public let name: String
    public let url: URL
    public let size: Int
    /// Identifies this version of the file: a rewrite under the same name changes it.
    public let stamp: FileStamp

    public init(name: String, url: URL, size: Int, stamp: FileStamp) {
        self.name = name
        self.url = url
        self.size = size
        self.stamp = stamp
    }
}

/// The identity of one version of a file: same inode, size and mtime means nothing changed.
public struct FileStamp: Sendable, Equatable, Hashable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int
    public let modifiedSeconds: Int
    public let modifiedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
