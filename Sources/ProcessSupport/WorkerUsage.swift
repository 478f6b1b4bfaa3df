/// What a pool worker has done so far, for the recycling rules: how many
/// requests it served, and its address space when it was fresh.
struct WorkerUsage {
    private(set) var served = 0
    private var freshAddressSpace: Int?

    /// Marks the worker's address space when it is up and has served nothing.
    mutating func start(addressSpace: Int?) {
        freshAddressSpace = addressSpace
    }

    /// Counts one answered request; returns whether the worker may take
    /// another. Only a reply leaves it fit: a worker that ended, was killed
    /// or sent too much is gone. Where /proc cannot be read (`addressSpace`
    /// nil), the request count alone bounds a worker's life.
    mutating func record(_ answer: WorkerAnswer, addressSpace: Int?, recycling: WorkerRecycling) -> Bool {
        served += 1
        guard case .reply(let payload, _) = answer, served < recycling.maxRequests, recycling.reusableAfter(payload) else { return false }
        guard let size = addressSpace, let fresh = freshAddressSpace, let growth = recycling.maxAddressSpaceGrowth else { return true }
        return size - fresh <= growth
    }
}
