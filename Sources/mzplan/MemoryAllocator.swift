#if canImport(Glibc)
import Glibc
#endif

/// Tunes the C allocator, before any thread starts.
enum MemoryAllocator {
    /// By default glibc grows each thread's heap a few pages at a time, with an `mprotect` call
    /// each time: `diff` of a 100 000-object catalog, read on two threads, made 20 000 of them.
    /// Growing by 64 MiB at a time makes a few dozen; pages never touched cost no memory.
    static let growthPadding: Int32 = 64 << 20

    /// glibc's `mallopt`, looked up at run time: Swift's Glibc module leaves `<malloc.h>` out, and
    /// other C libraries (a static musl build) have none, which leaves their defaults.
    static func configure() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let topPad: Int32 = -2  // M_TOP_PAD in <malloc.h>
        _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, growthPadding)
        #endif
    }
}
