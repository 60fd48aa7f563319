package exchange_test

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

// Convergence as a property (issue 14): three agencies keep their own copy
// of one joint case, edit it at random (removals included) and send each
// other packages in random orders, some delivered late and some twice.
// Once every package has arrived and every side has settled its conflicts
// by the same fixed rule, all three hold the same case, as `case show
// --json` prints it, but for the fields that are each workspace's own.
//
// BOLLARD_CONVERGE_ROUNDS sets the rounds (default 200; `make bench` runs
// thousands), BOLLARD_CONVERGE_SEED the first seed and
// BOLLARD_CONVERGE_SEEDS how many seeds from it (default 1). A failure
// names the seed and the round, and lists the steps that led there.

// convergeOfficers are the three agencies of the joint case.
var convergeOfficers = []model.Officer{
	{Name: "Insp. María Ortega", Agency: "SVA (Spain)", RefPrefix: "SVA"},
	{Name: "Officer James Hale", Agency: "HMRC (UK)", RefPrefix: "HMRC"},
	{Name: "Auditora Ana Souza", Agency: "Receita Federal (Brazil)", RefPrefix: "RFB"},
}

func TestConverge(t *testing.T) {
	rounds := envInt(t, "BOLLARD_CONVERGE_ROUNDS", 200)
	first := envInt(t, "BOLLARD_CONVERGE_SEED", 14)
	seeds := envInt(t, "BOLLARD_CONVERGE_SEEDS", 1)
	for seed := first; seed < first+seeds; seed++ {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			w := newWorld(t, uint64(seed), sendContent)
			for w.round = 1; w.round <= rounds; w.round++ {
				w.step()
			}
			w.settle()
			w.sameEverywhere()
		})
	}
}

func envInt(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a whole number", name, s)
	}
	return n
}

// sharedClock is the one clock of the three workspaces: it moves on a
// second at every reading, so that every change has its own time, in the
// same order at every run.
type sharedClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *sharedClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// world is the three workspaces of a run, the packages between them and
// the steps taken so far.
type world struct {
	t         *testing.T
	transport transport
	seed      uint64
	rng       *rand.Rand
	clock     *sharedClock
	sides     []*side
	ref       string // the joint case, the same ref everywhere
	round     int
	// inFlight are the packages sent and not yet delivered; sent are all
	// those ever sent, some of which arrive a second time.
	inFlight []parcel
	sent     []parcel
	steps    []string
	// counts are what happened, for the log: conflicts raised, settled...
	counts map[string]int
}

type side struct {
	w       *app.Workspace
	officer model.Officer
	made    int // how many things this side has named, for unique names
}

// parcel is one package on its way from one side to another.
type parcel struct {
	from, to int
	label    string
	deliver  func(to *app.Workspace) (app.MergeSummary, error)
}

// transport is how a package is made and merged: as its content document
// (sendContent) or as a real signed, encrypted package file (sendPackage).
type transport func(w *world, from, to int) (func(to *app.Workspace) (app.MergeSummary, error), error)

func newWorld(t *testing.T, seed uint64, send transport) *world {
	w := &world{t: t, transport: send, seed: seed, rng: rand.New(rand.NewPCG(seed, 14)),
		clock: &sharedClock{t: time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)}, counts: map[string]int{}}
	for _, o := range convergeOfficers {
		ws := mustOpen(t, o.RefPrefix)
		if _, err := ws.SetOfficer(ctx, o); err != nil {
			t.Fatal(err)
		}
		ws.Now = w.clock.now
		w.sides = append(w.sides, &side{w: ws, officer: o})
	}
	// The case is opened at the SVA and sent to the other two first, so
	// that it has the same ref everywhere.
	c, err := w.sides[0].w.CreateCase(ctx, model.Case{Title: "Cocaine in banana reefers, Algeciras–Felixstowe–Santos",
		OperationName: "TRES PUERTOS", Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine},
		OpenedOn: model.Date{Year: 2026, Month: 10, Day: 1}})
	if err != nil {
		t.Fatal(err)
	}
	w.ref = c.Ref
	w.logf("SVA opens case %s", c.Ref)
	// It starts with a few records of each kind, so that the sides soon
	// change the same ones.
	for _, add := range []convergeEdit{addSeizure, addSeizure, addSeizure, addTask, addTask, addNote, addNote,
		linkEntity, linkEntity, linkEntity, addRelation, addRelation} {
		f, err := w.sides[0].w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		did, err := add(w, 0, f)
		if err != nil {
			t.Fatalf("%s: %v", did, err)
		}
		w.logf("SVA %s", did)
	}
	for to := 1; to < len(w.sides); to++ {
		w.deliver(w.send(0, to))
	}
	return w
}

func (w *world) name(i int) string { return w.sides[i].officer.RefPrefix }

func (w *world) logf(format string, args ...any) {
	w.steps = append(w.steps, fmt.Sprintf("round %d: ", w.round)+fmt.Sprintf(format, args...))
}

// fail stops the run, naming the seed and the round and listing the last
// steps taken.
func (w *world) fail(format string, args ...any) {
	w.t.Helper()
	last := w.steps[max(0, len(w.steps)-40):]
	w.t.Fatalf("seed %d, round %d: %s\nlast steps:\n  %s\n(rerun: BOLLARD_CONVERGE_SEED=%d go test ./app/exchange -run TestConverge)",
		w.seed, w.round, fmt.Sprintf(format, args...), strings.Join(last, "\n  "), w.seed)
}

// step is one round: a side edits the case, a package is sent or
// delivered (or an old one delivered again), or a side settles its
// conflicts.
func (w *world) step() {
	switch p := w.rng.IntN(100); {
	case p < 45:
		s := w.rng.IntN(len(w.sides))
		for range 1 + w.rng.IntN(3) {
			w.edit(s)
		}
	case p < 65:
		from := w.rng.IntN(len(w.sides))
		to := (from + 1 + w.rng.IntN(len(w.sides)-1)) % len(w.sides)
		w.inFlight = append(w.inFlight, w.send(from, to))
	case p < 88:
		if len(w.inFlight) > 0 {
			i := w.rng.IntN(len(w.inFlight))
			p := w.inFlight[i]
			w.inFlight = slices.Delete(w.inFlight, i, i+1)
			w.deliver(p)
		}
	case p < 92:
		if len(w.sent) > 0 {
			p := w.sent[w.rng.IntN(len(w.sent))]
			p.label += " (again)"
			w.deliver(p)
		}
	default:
		w.resolveAll(w.rng.IntN(len(w.sides)))
	}
}

// send exports the joint case from one side for another.
func (w *world) send(from, to int) parcel {
	w.t.Helper()
	deliver, err := w.transport(w, from, to)
	if err != nil {
		w.fail("%s exports the case: %v", w.name(from), err)
	}
	p := parcel{from: from, to: to, deliver: deliver,
		label: fmt.Sprintf("package #%d %s→%s", len(w.sent)+1, w.name(from), w.name(to))}
	w.sent = append(w.sent, p)
	w.logf("%s sent", p.label)
	return p
}

// sendContent makes a package's content document, as it travels (its
// JSON), and the files it carries; the exported versions count as sent.
func sendContent(w *world, from, _ int) (func(to *app.Workspace) (app.MergeSummary, error), error) {
	ws := w.sides[from].w
	x, err := exchange.BuildContent(ctx, ws, w.ref)
	if err != nil {
		return nil, err
	}
	data, err := x.Content.Marshal()
	if err != nil {
		return nil, err
	}
	if err := x.Remember(ctx, ws); err != nil {
		return nil, err
	}
	files := map[string]func() (io.ReadCloser, error){}
	for _, f := range x.Files {
		files[f.SHA256] = f.Open
	}
	return func(to *app.Workspace) (app.MergeSummary, error) {
		c, err := exchange.ReadContent(data)
		if err != nil {
			return app.MergeSummary{}, err
		}
		return to.Merge(ctx, c.Bundle(), app.MergeOptions{File: func(sha string) (io.ReadCloser, error) {
			return files[sha]()
		}})
	}, nil
}

// deliver merges a package into the side it was sent to.
func (w *world) deliver(p parcel) app.MergeSummary {
	w.t.Helper()
	sum, err := p.deliver(w.sides[p.to].w)
	if err != nil {
		w.fail("%s refused: %v", p.label, err)
	}
	w.counts["conflicts raised"] += sum.Conflicts
	w.counts["conflicts settled by a package"] += sum.Settled
	w.logf("%s delivered: added %d, updated %d, conflicts %d, settled %d", p.label, sum.Added, sum.Updated, sum.Conflicts, sum.Settled)
	return sum
}

// resolveAll settles every open conflict of a side by the fixed rule
// (settleRule), and reports how many it settled.
func (w *world) resolveAll(i int) int {
	w.t.Helper()
	ws := w.sides[i].w
	open, err := ws.Conflicts(ctx, "")
	if err != nil {
		w.fail("%s lists its conflicts: %v", w.name(i), err)
	}
	for _, c := range open {
		keep := settleRule(c)
		if _, err := ws.ResolveConflict(ctx, c.ID, keep); err != nil {
			w.fail("%s settles the conflict on %s (%s): %v", w.name(i), c.Label, keep, err)
		}
		w.counts["conflicts settled by an officer"]++
		w.logf("%s settles %s %v: %s", w.name(i), c.Label, conflictFields(c), keep)
	}
	return len(open)
}

// settleRule is how every side settles a conflict: the version whose
// conflicting values sort first (as JSON) wins. Both sides of a conflict
// see the same two versions, one as mine and one as theirs, so both
// choose the same values, whoever settles first.
func settleRule(c app.ConflictView) string {
	var mine, theirs []string
	for _, f := range c.Fields {
		mine = append(mine, string(f.Mine))
		theirs = append(theirs, string(f.Theirs))
	}
	if slices.Compare(mine, theirs) <= 0 {
		return app.KeepMine
	}
	return app.TakeTheirs
}

// settle brings the run to rest: every package still on its way arrives,
// then, again and again, every side settles its conflicts and every side
// sends the case to every other, until a whole pass changes nothing.
func (w *world) settle() {
	w.t.Helper()
	w.round++ // the steps of settling are logged after the last round
	for len(w.inFlight) > 0 {
		i := w.rng.IntN(len(w.inFlight))
		p := w.inFlight[i]
		w.inFlight = slices.Delete(w.inFlight, i, i+1)
		w.deliver(p)
	}
	const passes = 10
	for pass := 1; pass <= passes; pass++ {
		w.logf("settling, pass %d", pass)
		before := w.cases()
		settled := 0
		for i := range w.sides {
			settled += w.resolveAll(i)
		}
		for from := range w.sides {
			for to := range w.sides {
				if from != to {
					w.deliver(w.send(from, to))
				}
			}
		}
		if settled == 0 && slices.Equal(before, w.cases()) {
			w.counts["settling passes"] = pass
			return
		}
	}
	w.fail("the three sides did not come to rest after %d passes of settling and exchanging everything", passes)
}

// cases are the joint case as each side holds it (sharedCase): any
// change a pass makes to it changes one. (Audit heads would not do: an
// import of a package file is itself audited.)
func (w *world) cases() []string {
	var out []string
	for _, s := range w.sides {
		out = append(out, sharedCase(w.t, s.w, w.ref))
	}
	return out
}

// sameEverywhere checks that the three sides hold the same case, no open
// conflict, and a workspace that verifies.
func (w *world) sameEverywhere() {
	w.t.Helper()
	var docs []string
	for i, s := range w.sides {
		if open, err := s.w.Conflicts(ctx, ""); err != nil || len(open) > 0 {
			w.fail("%s still holds %d open conflicts (%v): %s", w.name(i), len(open), err, asJSON(open))
		}
		v, err := s.w.Verify(ctx, nil)
		if err != nil || !v.OK() {
			w.fail("%s does not verify: %v %v", w.name(i), err, v.Problems)
		}
		docs = append(docs, sharedCase(w.t, s.w, w.ref))
	}
	for i := 1; i < len(docs); i++ {
		if docs[i] != docs[0] {
			w.fail("%s and %s hold different cases:\n%s", w.name(0), w.name(i), caseDiff(docs[0], docs[i], 20))
		}
	}
	w.t.Logf("seed %d: %d packages, %v; the case holds %s", w.seed, len(w.sent), w.counts, caseSize(docs[0]))
}

// sharedCase is the case as `case show --json` prints it (the JSON case
// format, exchange.NewDocument), without what is each workspace's own:
//   - a seizure's ref: a seizure added on two sides at once takes the next
//     free SZ- number where it arrives (it is a fixed field, never merged);
//   - the order of each list: rows are listed by when they were made,
//     which equal times leave open, so lists are compared sorted by ID.
//
// The case's ref is shared: it was opened on one side and sent to the
// others before anything else, so it was never renumbered. A record's
// Version (the count of its saves here) is already left out of the JSON.
func sharedCase(t *testing.T, w *app.Workspace, ref string) string {
	t.Helper()
	f, err := w.CaseFile(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(exchange.NewDocument(f))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	c := doc["cases"].([]any)[0].(map[string]any)
	for _, s := range c["seizures"].([]any) {
		delete(s.(map[string]any), "ref")
	}
	for _, list := range []string{"seizures", "entities", "relations", "timeline", "tasks", "notes"} {
		rows := c[list].([]any)
		slices.SortFunc(rows, func(a, b any) int {
			return strings.Compare(a.(map[string]any)["id"].(string), b.(map[string]any)["id"].(string))
		})
	}
	out, _ := json.MarshalIndent(doc, "", " ")
	return string(out)
}

// caseSize says how much the case holds, for the log.
func caseSize(doc string) string {
	var d struct {
		Cases []map[string]json.RawMessage `json:"cases"`
	}
	_ = json.Unmarshal([]byte(doc), &d)
	var parts []string
	for _, list := range []string{"seizures", "entities", "relations", "timeline", "tasks", "notes"} {
		var rows []json.RawMessage
		_ = json.Unmarshal(d.Cases[0][list], &rows)
		parts = append(parts, fmt.Sprintf("%d %s", len(rows), list))
	}
	return strings.Join(parts, ", ")
}

// caseDiff lists, at most n, the differences between two cases as
// sharedCase writes them: a field of the case, a record only one side
// holds, a field of a record that differs.
func caseDiff(a, b string, n int) string {
	ca, cb := caseFields(a), caseFields(b)
	var out []string
	note := func(format string, args ...any) {
		if len(out) < n {
			out = append(out, fmt.Sprintf(format, args...))
		}
	}
	for _, k := range sortedKeys(ca, cb) {
		if _, list := ca[k].([]any); list && k != "threat_types" && k != "partner_agencies" {
			ra, rb := byID(ca[k]), byID(cb[k])
			for _, id := range sortedKeys(ra, rb) {
				x, inA := ra[id].(map[string]any)
				y, inB := rb[id].(map[string]any)
				switch {
				case !inA:
					note("%s %s: only on the second side: %s", k, id, short(y))
				case !inB:
					note("%s %s: only on the first side: %s", k, id, short(x))
				default:
					for _, f := range sortedKeys(x, y) {
						if short(x[f]) != short(y[f]) {
							note("%s %s %s: %s ≠ %s", k, id, f, short(x[f]), short(y[f]))
						}
					}
				}
			}
			continue
		}
		if short(ca[k]) != short(cb[k]) {
			note("case %s: %s ≠ %s", k, short(ca[k]), short(cb[k]))
		}
	}
	return strings.Join(out, "\n")
}

func caseFields(doc string) map[string]any {
	var d struct {
		Cases []map[string]any `json:"cases"`
	}
	_ = json.Unmarshal([]byte(doc), &d)
	return d.Cases[0]
}

func byID(list any) map[string]any {
	out := map[string]any{}
	rows, _ := list.([]any)
	for _, r := range rows {
		m := r.(map[string]any)
		out[m["id"].(string)] = m
	}
	return out
}

func sortedKeys(maps ...map[string]any) []string {
	var keys []string
	for _, m := range maps {
		for k := range m {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

// short writes a value as compact JSON, cut to a line.
func short(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 160 {
		return string(b[:157]) + "..."
	}
	return string(b)
}
