/**
 * Index-based dependency graph in compressed sparse row (CSR) form, Kahn's topological order
 * and cycle extraction. Nodes are 0..nodeCount−1; edge k goes from pred[k] to succ[k].
 * Everything is linear in nodes + edges and allocates only typed arrays.
 */
export type Csr = {
  nodeCount: number;
  /** Out-edges of node v are slots outStart[v] .. outStart[v + 1] − 1. */
  outStart: Int32Array;
  /** Successor node of each slot. */
  outSucc: Int32Array;
  /** Weight of each slot, when weights were given (else empty). */
  outWeight: Float64Array;
};

/** Groups edges by predecessor (a stable counting sort: slots keep the input edge order). */
export const buildCsr = (nodeCount: number, pred: Int32Array, succ: Int32Array, weight?: Float64Array): Csr => {
  const edgeCount = pred.length;
  const outStart = new Int32Array(nodeCount + 1);
  for (let k = 0; k < edgeCount; k += 1) outStart[pred[k] + 1] += 1;
  for (let v = 0; v < nodeCount; v += 1) outStart[v + 1] += outStart[v];
  const fill = outStart.slice(0, nodeCount);
  const outSucc = new Int32Array(edgeCount);
  const outWeight = new Float64Array(weight === undefined ? 0 : edgeCount);
  for (let k = 0; k < edgeCount; k += 1) {
    const slot = fill[pred[k]]++;
    outSucc[slot] = succ[k];
    if (weight !== undefined) outWeight[slot] = weight[k];
  }
  return { nodeCount, outStart, outSucc, outWeight };
};

export type TopologicalOrder = {
  /** Nodes in topological order; only the first `ordered` entries are meaningful. */
  order: Int32Array;
  /** Equals nodeCount when the graph is acyclic. */
  ordered: number;
  /** Remaining in-degree per node after Kahn's algorithm: > 0 exactly for unordered nodes. */
  indegree: Int32Array;
};

/** Kahn's algorithm; the order array doubles as the FIFO queue. */
export const topologicalOrder = (g: Csr): TopologicalOrder => {
  const n = g.nodeCount;
  const { outStart, outSucc } = g;
  const indegree = new Int32Array(n);
  for (let k = 0; k < outSucc.length; k += 1) indegree[outSucc[k]] += 1;
  const order = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v += 1) if (indegree[v] === 0) order[tail++] = v;
  for (let head = 0; head < tail; head += 1) {
    const v = order[head];
    for (let slot = outStart[v], end = outStart[v + 1]; slot < end; slot += 1) {
      const s = outSucc[slot];
      indegree[s] -= 1;
      if (indegree[s] === 0) order[tail++] = s;
    }
  }
  return { order, ordered: tail, indegree };
};

/**
 * One cycle among the nodes Kahn's algorithm could not order, as node indices in order (each
 * precedes the next; the last precedes the first), starting at its smallest node. Every
 * unordered node has an unordered predecessor, so walking predecessors from any of them
 * must come back to a node already seen: that loop is a cycle.
 */
export const extractCycle = (g: Csr, topo: Pick<TopologicalOrder, 'indegree'>): Int32Array => {
  const n = g.nodeCount;
  const { outStart, outSucc } = g;
  const { indegree } = topo;
  const somePred = new Int32Array(n).fill(-1);
  let start = -1;
  for (let v = 0; v < n; v += 1) {
    if (indegree[v] === 0) continue;
    if (start < 0) start = v;
    for (let slot = outStart[v], end = outStart[v + 1]; slot < end; slot += 1) {
      const s = outSucc[slot];
      if (indegree[s] > 0) somePred[s] = v;
    }
  }
  if (start < 0) return new Int32Array(0);
  const seenAt = new Int32Array(n).fill(-1);
  const walk: number[] = [];
  let v = start;
  while (seenAt[v] < 0) {
    seenAt[v] = walk.length;
    walk.push(v);
    v = somePred[v];
  }
  // walk[seenAt[v]..] goes backwards along the cycle; reverse it to follow the edges.
  const cycle = walk.slice(seenAt[v]).reverse();
  let smallest = 0;
  for (let i = 1; i < cycle.length; i += 1) if (cycle[i] < cycle[smallest]) smallest = i;
  return Int32Array.from([...cycle.slice(smallest), ...cycle.slice(0, smallest)]);
};
