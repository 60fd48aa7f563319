package search

import (
	"cmp"
	"slices"
)

// Group gathers hits by kind, for a result list shown kind by kind. Groups
// are ordered by their best hit (the first group holds the best hit of
// all); within a group, hits keep the order they came in.
func Group(hits []Hit) [][]Hit {
	if len(hits) == 0 {
		return nil
	}
	var groups [][]Hit
	var best []int
	at := map[Kind]int{}
	for _, h := range hits {
		i, ok := at[h.Doc.Kind]
		if !ok {
			i = len(groups)
			at[h.Doc.Kind] = i
			groups = append(groups, nil)
			best = append(best, h.Score)
		}
		groups[i] = append(groups[i], h)
		best[i] = max(best[i], h.Score)
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(best[b], best[a]) })
	out := make([][]Hit, len(groups))
	for i, g := range order {
		out[i] = groups[g]
	}
	return out
}
