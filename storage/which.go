package storage

// Which says whether a list of a case's records holds the removed ones
// (tombstones, model.Record.Removed) too. What an officer sees, the
// dossier and the exports hold the live records only; a case package
// carries the tombstones, so that a removal reaches the partner.
type Which bool

const (
	Live        Which = false
	WithRemoved Which = true
)

// of is the SQL condition on a table (its columns prefixed with prefix,
// "l." say) that picks the records which says.
func (w Which) of(prefix string) string {
	if w == WithRemoved {
		return "1 = 1"
	}
	return prefix + "removed = 0"
}
