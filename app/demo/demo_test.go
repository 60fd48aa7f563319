package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"bollard/app"
	"bollard/model"
)

// mustOpen opens a fresh workspace file in a temporary folder.
func mustOpen(t testing.TB) *app.Workspace {
	t.Helper()
	w, err := app.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func mustFill(t testing.TB, w *app.Workspace, opt Options) Stats {
	t.Helper()
	st, err := Fill(context.Background(), w, opt)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// caseFiles returns every case of the workspace as JSON, with the
// workspace's own random ID blanked: it is the one thing a seed cannot fix.
func caseFiles(t *testing.T, w *app.Workspace) []string {
	t.Helper()
	ctx := context.Background()
	cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(cases))
	for i, c := range cases {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = string(bytes.ReplaceAll(b, []byte(w.ID()), []byte("WORKSPACE")))
	}
	return out
}

// entityList returns every entity of the workspace as JSON, the workspace's ID blanked.
func entityList(t *testing.T, w *app.Workspace) string {
	t.Helper()
	es, err := w.Entities(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(es)
	if err != nil {
		t.Fatal(err)
	}
	return string(bytes.ReplaceAll(b, []byte(w.ID()), []byte("WORKSPACE")))
}

func TestFillIsDeterministic(t *testing.T) {
	opt := Options{Cases: 30, Seed: 42, Entities: 25}
	a, b, c := mustOpen(t), mustOpen(t), mustOpen(t)
	sa, sb := mustFill(t, a, opt), mustFill(t, b, opt)
	if sa != sb {
		t.Fatalf("same seed, different stats:\n%+v\n%+v", sa, sb)
	}
	fa, fb := caseFiles(t, a), caseFiles(t, b)
	if len(fa) != 30 {
		t.Fatalf("got %d cases, want 30", len(fa))
	}
	for i := range fa {
		if fa[i] != fb[i] {
			t.Fatalf("same seed, case %d differs:\n%s\n%s", i, fa[i], fb[i])
		}
	}
	if ea, eb := entityList(t, a), entityList(t, b); ea != eb {
		t.Fatalf("same seed, different entities:\n%s\n%s", ea, eb)
	}

	mustFill(t, c, Options{Cases: 30, Seed: 43, Entities: 25})
	fc := caseFiles(t, c)
	same := 0
	for i := range fa {
		if fa[i] == fc[i] {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 42 and 43 gave %d identical cases", same)
	}
}

func TestFillRefusesAWorkspaceWithCases(t *testing.T) {
	ctx := context.Background()
	w := mustOpen(t)
	officer := model.Officer{Name: "Ana Ruiz", Agency: "SVA", Country: "ES", RefPrefix: "ESA"}
	if _, err := w.SetOfficer(ctx, officer); err != nil {
		t.Fatal(err)
	}
	real, err := w.CreateCase(ctx, model.Case{Title: "Real case", Corridor: model.CorridorEULAC,
		ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
	if err != nil {
		t.Fatal(err)
	}

	st, err := Fill(ctx, w, Options{Cases: 5, Seed: 1})
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Fill on a workspace with a case: err = %v, want ErrNotEmpty", err)
	}
	for _, want := range []string{"already holds 1 case", "the demo fills only an empty workspace", "--db demo.db"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if st != (Stats{}) {
		t.Errorf("stats of a refused fill: %+v", st)
	}

	cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 1 || cases[0].ID != real.ID || cases[0].Title != "Real case" {
		t.Errorf("cases after a refused fill: %+v", cases)
	}
	if es, _ := w.Entities(ctx, ""); len(es) != 0 {
		t.Errorf("a refused fill wrote %d entities", len(es))
	}
	if got, _ := w.Officer(ctx); got.Name != "Ana Ruiz" || got.RefPrefix != "ESA" {
		t.Errorf("officer profile changed: %+v", got)
	}
}

func TestFillRefusesAWorkspaceWithEntities(t *testing.T) {
	ctx := context.Background()
	w := mustOpen(t)
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "Ana Ruiz", Agency: "SVA", RefPrefix: "ESA"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Jorge Muñoz"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Fill(ctx, w, Options{Cases: 5}); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("err = %v, want ErrNotEmpty", err)
	}
	if n, _ := w.CountCases(ctx); n != 0 {
		t.Errorf("a refused fill wrote %d cases", n)
	}
}

func TestFillKeepsTheOfficerProfile(t *testing.T) {
	ctx := context.Background()
	w := mustOpen(t)
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "Tom Ashworth", Agency: "HMRC", RefPrefix: "HMRC"}); err != nil {
		t.Fatal(err)
	}
	mustFill(t, w, Options{Cases: 3, Seed: 5})
	cases, err := w.Cases(ctx, model.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !strings.HasPrefix(c.Ref, "HMRC-") {
			t.Errorf("case ref %s does not use the officer's prefix", c.Ref)
		}
	}
	if o, _ := w.Officer(ctx); o.Name != "Tom Ashworth" {
		t.Errorf("officer profile replaced by %+v", o)
	}
}

func TestFillSetsADemoProfile(t *testing.T) {
	ctx := context.Background()
	w := mustOpen(t)
	st := mustFill(t, w, Options{})
	if st.Cases != DefaultCases {
		t.Errorf("default fill made %d cases, want %d", st.Cases, DefaultCases)
	}
	o, err := w.Officer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if o.RefPrefix != "DEMO" || o.DefaultMarking != "LIMITE" || o.Name != "Demo Officer" {
		t.Errorf("demo profile = %+v", o)
	}
}

// TestFillIsRealistic checks what makes the demo worth looking at: entities
// shared between cases, names in several scripts, every kind of entity,
// identifiers that pass their checks, and dates that make sense.
func TestFillIsRealistic(t *testing.T) {
	ctx := context.Background()
	w := mustOpen(t)
	st := mustFill(t, w, Options{Cases: 60, Seed: 7, Entities: 50})
	if st.Cases != 60 || st.Seizures < 60 || st.Links < st.Entities/2 || st.Relations == 0 || st.Events == 0 || st.Tasks == 0 || st.Notes == 0 ||
		st.Exhibits < 20 || st.Custody < 2*st.Exhibits {
		t.Errorf("thin demo: %+v", st)
	}
	// Everything the demo wrote went through the audit trail, evidence and
	// custody included, and checks out.
	if v, err := w.Verify(ctx, nil); err != nil || !v.OK() || v.Records != int(v.Head.Seq) {
		t.Errorf("verify after the demo: %v, %d records, %d entries, %q", err, v.Records, v.Head.Seq, v.Problems)
	}

	entities, err := w.Entities(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(entities) != st.Entities {
		t.Errorf("workspace holds %d entities, stats say %d", len(entities), st.Entities)
	}
	kinds := map[model.EntityKind]int{}
	cyrillic := ""
	for _, e := range entities {
		kinds[e.Kind]++
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			if strings.ContainsFunc(name, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
				cyrillic = name
			}
		}
		checkIdentifiers(t, e)
	}
	for _, k := range model.EntityKinds {
		if kinds[k] == 0 {
			t.Errorf("no entity of kind %s", k)
		}
	}
	if cyrillic == "" {
		t.Error("no name in Cyrillic")
	}

	cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	inCases := map[string]map[string]bool{} // entity ID -> case IDs
	kindOf := map[string]model.EntityKind{}
	authors := map[string]bool{}
	threats := map[model.ThreatType]bool{}
	overdue, graded, diacritics := 0, 0, 0
	today := model.DateOf(demoAnchor)
	for _, c := range cases {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		if _, year, _, ok := model.ParseCaseRef(c.Ref); !ok || year != c.CreatedAt.Year() || !strings.HasPrefix(c.Ref, "DEMO-") {
			t.Errorf("case ref %s does not follow its creation year %d", c.Ref, c.CreatedAt.Year())
		}
		notAfterAnchor(t, c.Ref+" updated", c.UpdatedAt)
		if c.UpdatedAt.Before(c.CreatedAt) {
			t.Errorf("%s updated before it was created", c.Ref)
		}
		if !c.ClosedOn.IsZero() && c.Status != model.StatusClosed {
			t.Errorf("%s has a closing day but is %s", c.Ref, c.Status)
		}
		authors[c.CreatedBy.Agency] = true
		for _, th := range c.ThreatTypes {
			threats[th] = true
		}
		if len(f.Seizures) == 0 || len(f.Timeline) == 0 || len(f.Entities) == 0 {
			t.Errorf("%s lacks seizures, events or entities", c.Ref)
		}
		for _, s := range f.Seizures {
			notAfterAnchor(t, c.Ref+" seizure", s.SeizedAt)
			notAfterAnchor(t, c.Ref+" seizure record", s.CreatedAt)
			authors[s.CreatedBy.Agency] = true
			for _, n := range s.ContainerNumbers {
				if _, err := model.NormalizeContainerNumber(n); err != nil {
					t.Errorf("%s: %v", c.Ref, err)
				}
			}
		}
		for _, e := range f.Timeline {
			notAfterAnchor(t, c.Ref+" event", e.At)
			authors[e.CreatedBy.Agency] = true
		}
		for _, task := range f.Tasks {
			if task.Kind == model.TaskAssistanceRequest && task.Overdue(today) {
				overdue++
			}
			if task.Kind == model.TaskAssistanceRequest && task.LegalBasis == "" {
				t.Errorf("%s: request %q without a legal basis", c.Ref, task.Title)
			}
		}
		for _, r := range f.Relations {
			if r.Grading() != "F6" {
				graded++
			}
		}
		for _, ce := range f.Entities {
			if inCases[ce.Entity.ID] == nil {
				inCases[ce.Entity.ID] = map[string]bool{}
			}
			inCases[ce.Entity.ID][c.ID] = true
			kindOf[ce.Entity.ID] = ce.Entity.Kind
			if ce.Entity.Kind == model.KindPerson && hasNonASCII(ce.Entity.Name) {
				diacritics++
			}
		}
	}
	shared := map[model.EntityKind]int{}
	for id, cs := range inCases {
		if len(cs) >= 2 {
			shared[kindOf[id]]++
		}
	}
	if shared[model.KindOrganisation] == 0 || shared[model.KindVessel] == 0 {
		t.Errorf("entities shared between cases: %v; want organisations and vessels", shared)
	}
	if len(authors) < 6 {
		t.Errorf("records written by only %d agencies: %v", len(authors), authors)
	}
	if len(threats) < 8 {
		t.Errorf("only %d threat types across the cases: %v", len(threats), threats)
	}
	if overdue == 0 {
		t.Error("no overdue request for assistance")
	}
	if graded == 0 {
		t.Error("no graded relation")
	}
	if diacritics == 0 {
		t.Error("no person's name with diacritics")
	}
}

func notAfterAnchor(t *testing.T, what string, at time.Time) {
	t.Helper()
	if at.After(demoAnchor) {
		t.Errorf("%s at %s, after the demo's today %s", what, at, demoAnchor)
	}
}

// checkIdentifiers re-validates an entity's identifiers with the model's checks.
func checkIdentifiers(t *testing.T, e model.Entity) {
	t.Helper()
	check := func(v string, normalize func(string) (string, error)) {
		if v == "" {
			return
		}
		if _, err := normalize(v); err != nil {
			t.Errorf("%s %q: %v", e.Kind, e.Name, err)
		}
	}
	check(e.ContainerNumber, model.NormalizeContainerNumber)
	check(e.IMO, model.NormalizeIMO)
	check(e.MMSI, model.NormalizeMMSI)
	check(e.IBAN, model.NormalizeIBAN)
	check(e.LEI, model.NormalizeLEI)
	check(e.VIN, model.NormalizeVIN)
	check(e.Phone, model.NormalizePhone)
	check(e.Email, model.NormalizeEmail)
	switch e.Kind {
	case model.KindContainer:
		check(e.Name, model.NormalizeContainerNumber)
	case model.KindVessel:
		if e.IMO == "" {
			t.Errorf("vessel %s has no IMO number", e.Name)
		}
	case model.KindBankAccount:
		if e.IBAN == "" {
			t.Errorf("bank account %s has no IBAN", e.Name)
		}
	case model.KindPerson:
		if e.BirthDate.IsZero() || e.Nationality == "" {
			t.Errorf("person %s lacks a birth date or nationality", e.Name)
		}
	}
}

func TestFillStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := mustOpen(t)
	var calls []int
	st, err := Fill(ctx, w, Options{Cases: casesPerBatch + 10, Seed: 3, Progress: func(done, total int) {
		calls = append(calls, done)
		if total != casesPerBatch+10 {
			t.Errorf("progress total = %d", total)
		}
		cancel()
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if st.Cases != casesPerBatch || len(calls) != 1 || calls[0] != casesPerBatch {
		t.Errorf("stats %+v, progress calls %v; want one batch of %d", st, calls, casesPerBatch)
	}
	if n, _ := w.CountCases(context.Background()); n != casesPerBatch {
		t.Errorf("workspace holds %d cases, want the %d of the first batch", n, casesPerBatch)
	}
}

func TestIdentifierGenerators(t *testing.T) {
	g := newGen(1, demoAnchor)
	for range 200 {
		for c := range ibanFormats {
			if _, err := model.NormalizeIBAN(iban(g, c)); err != nil {
				t.Errorf("IBAN of %s: %v", c, err)
			}
		}
		if _, err := model.NormalizeLEI(lei(g)); err != nil {
			t.Error(err)
		}
		if _, err := model.NormalizeVIN(vin(g, "1FT")); err != nil { // North American: check digit enforced
			t.Error(err)
		}
		if _, err := model.NormalizeIMO(imo(g)); err != nil {
			t.Error(err)
		}
		for _, c := range carriers {
			if _, err := model.NormalizeContainerNumber(container(g, c)); err != nil {
				t.Error(err)
			}
		}
		for c := range phonePlans {
			if _, err := model.NormalizePhone(phone(g, c)); err != nil {
				t.Errorf("phone of %s: %v", c, err)
			}
		}
		if id := g.uuid(); !model.ValidID(id) || id[14] != '4' || !strings.ContainsRune("89ab", rune(id[19])) {
			t.Errorf("uuid %s is not a version 4 UUID", id)
		}
		// A Belgian enterprise number: 97 minus the first eight digits modulo 97.
		be := belgianEnterpriseNumber(g)
		first8, _ := strconv.Atoi(be[:8])
		if check, _ := strconv.Atoi(be[8:]); len(be) != 10 || check != 97-first8%97 {
			t.Errorf("Belgian enterprise number %s: check digits wrong", be)
		}
	}
	// Every country the demo registers companies in writes them its own way.
	for _, c := range []string{"ES", "NL", "BE", "DE", "PL", "PT", "GB", "CZ", "SK", "HU", "LT", "CY", "IE", "AE", "HK", "SG",
		"PA", "MT", "TR", "KZ", "AM", "RU", "GR", "CN", "IN", "EC", "CO", "BR", "MX", "CA", "GH", "NG", "CI", "MY", "VN", "PK", "ID", "FI", "AL"} {
		_, own := companyForms[c]
		if special := strings.Contains("RU KZ AM CN", c); !own && !special {
			t.Errorf("no company form for %s", c)
		}
		e := company(g, c, themeTrade)
		if err := e.Validate(demoAnchor); err != nil {
			t.Errorf("company of %s: %v", c, err)
		}
	}
	// An air waybill's eighth serial digit is the first seven modulo 7.
	awb := airWaybill(g)
	if serial, err := strconv.Atoi(awb[4:11]); err != nil || len(awb) != 12 || int(awb[11]-'0') != serial%7 {
		t.Errorf("air waybill %s: check digit wrong", awb)
	}
}

// BenchmarkDemo20000 fills a fresh workspace with 20,000 cases, the size
// the search and the case list are measured at.
func BenchmarkDemo20000(b *testing.B) {
	var st Stats
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		w, err := app.Open(context.Background(), filepath.Join(b.TempDir(), "demo.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		st, err = Fill(context.Background(), w, Options{Cases: 20000, Seed: 1})
		b.StopTimer()
		w.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.Cases), "cases")
	b.ReportMetric(float64(st.Seizures), "seizures")
	b.ReportMetric(float64(st.Entities), "entities")
	b.ReportMetric(float64(st.Links), "links")
	b.ReportMetric(float64(st.Relations), "relations")
	b.ReportMetric(float64(st.Events), "events")
	b.ReportMetric(float64(st.Tasks), "tasks")
	b.ReportMetric(float64(st.Notes), "notes")
}
