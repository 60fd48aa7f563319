package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"bollard/model"
)

// mustOpen opens a new workspace file in a temporary folder.
func mustOpen(t *testing.T) *Store {
	t.Helper()
	return mustOpenAt(t, filepath.Join(t.TempDir(), "workspace.db"))
}

func mustOpenAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var officer = model.Author{Name: "M. Torres", Agency: "SVA"}

// newCase is a valid case, stamped as the app would stamp it.
func newCase(title string) *model.Case {
	c := &model.Case{
		Title: title, Status: model.StatusOpen, Priority: model.PriorityNormal,
		Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine},
		HandlingMarking: "LIMITE", OpenedOn: model.Date{Year: 2026, Month: 3, Day: 2},
		PartnerAgencies: []string{"DIAN", "NCA"},
	}
	c.Stamp(officer, "ws", time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	return c
}

func insertCase(t *testing.T, s *Store, c *model.Case) {
	t.Helper()
	err := s.Write(context.Background(), func(tx *Tx) error { return tx.InsertCase(c, "ESA") })
	if err != nil {
		t.Fatalf("insert case: %v", err)
	}
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.reader.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// schemaOf lists the workspace's tables, indexes and triggers as SQLite
// records them, to compare two workspaces' schemas.
func schemaOf(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s: %s\n", typ, name, text)
	}
	return b.String()
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	fresh := mustOpen(t)
	want := schemaOf(t, fresh.reader)

	t.Run("from empty every migration is applied and recorded", func(t *testing.T) {
		var n, top int
		if err := fresh.reader.QueryRow(`SELECT COUNT(*), MAX(version) FROM schema_migrations`).Scan(&n, &top); err != nil {
			t.Fatal(err)
		}
		if n != len(migrations) || top != SchemaVersion() {
			t.Fatalf("schema_migrations has %d rows up to %d, want %d up to %d", n, top, len(migrations), SchemaVersion())
		}
	})

	// A workspace left at every earlier version opens in this build and
	// ends with the same schema as a new one.
	for k := 0; k < len(migrations); k++ {
		t.Run(fmt.Sprintf("from version %d", k), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			db, err := sql.Open("sqlite3", dsn(path, false, nil))
			if err != nil {
				t.Fatal(err)
			}
			if err := migrate(ctx, db, k, nil); err != nil {
				t.Fatalf("migrate to %d: %v", k, err)
			}
			db.Close()
			s := mustOpenAt(t, path)
			if got := schemaOf(t, s.reader); got != want {
				t.Fatalf("schema after upgrading from %d differs from a new workspace's:\n%s\nwant:\n%s", k, got, want)
			}
		})
	}

	t.Run("reopening changes nothing", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "w.db")
		s := mustOpenAt(t, path)
		c := newCase("reopen")
		insertCase(t, s, c)
		s.Close()
		s = mustOpenAt(t, path)
		if got := countRows(t, s, "cases"); got != 1 {
			t.Fatalf("cases after reopening: %d, want 1", got)
		}
		if got := countRows(t, s, "workspace"); got != 1 {
			t.Fatalf("workspace rows after reopening: %d, want 1", got)
		}
	})

	t.Run("a workspace from a newer build is refused", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "new.db")
		s := mustOpenAt(t, path)
		if _, err := s.writer.Exec(`INSERT INTO schema_migrations VALUES (999, 'future', '')`); err != nil {
			t.Fatal(err)
		}
		s.Close()
		_, err := Open(ctx, path)
		if err == nil || !strings.Contains(err.Error(), "newer Bollard") {
			t.Fatalf("open a newer workspace: %v, want a 'newer Bollard' error", err)
		}
	})

	t.Run("a file that is not a workspace is refused plainly", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.txt")
		if err := writeFile(path, strings.Repeat("not a database ", 100)); err != nil {
			t.Fatal(err)
		}
		_, err := Open(ctx, path)
		if err == nil || !strings.Contains(err.Error(), "not a Bollard workspace") {
			t.Fatalf("open a text file: %v", err)
		}
	})
}

func TestFailedTransactionLeavesNothing(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	insertCase(t, s, newCase("kept"))

	t.Run("an error returned midway", func(t *testing.T) {
		err := s.Write(ctx, func(tx *Tx) error {
			if err := tx.InsertCase(newCase("lost 1"), "ESA"); err != nil {
				return err
			}
			if err := tx.InsertCase(newCase("lost 2"), "ESA"); err != nil {
				return err
			}
			return errors.New("the officer cancelled")
		})
		if err == nil {
			t.Fatal("the write did not fail")
		}
		if got := countRows(t, s, "cases"); got != 1 {
			t.Fatalf("cases after a failed write: %d, want 1", got)
		}
	})

	t.Run("a constraint broken midway", func(t *testing.T) {
		err := s.Write(ctx, func(tx *Tx) error {
			c := newCase("lost")
			if err := tx.InsertCase(c, "ESA"); err != nil {
				return err
			}
			sz := newSeizure("no-such-case")
			return tx.InsertSeizure(sz)
		})
		if !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("seizure of a missing case: %v, want ErrNotFound", err)
		}
		if got := countRows(t, s, "cases"); got != 1 {
			t.Fatalf("cases after a failed write: %d, want 1", got)
		}
	})

	t.Run("the next ref is not used up by a failed write", func(t *testing.T) {
		c := newCase("next")
		insertCase(t, s, c)
		if c.Ref != "ESA-2026-0002" {
			t.Fatalf("ref after failed writes: %s, want ESA-2026-0002 (no gaps)", c.Ref)
		}
	})
}

func newSeizure(caseID string) *model.Seizure {
	sz := &model.Seizure{
		CaseID: caseID, SeizedAt: time.Date(2026, 3, 1, 6, 30, 0, 0, time.UTC), PlaceName: "Port of Antwerp",
		LOCODE: "BEANR", Country: "BE", Category: model.CommodityCocaine, Description: "cocaine in banana boxes",
		Quantity: 1250, Unit: model.Kilogram, EstimatedValue: 45_000_000, Currency: "EUR",
		TransportMode: model.ModeContainer, ContainerNumbers: []string{"MSCU1234566"}, SealNumbers: []string{"ML-443211"},
		OriginCountry: "EC", TransitCountries: []string{"PA"}, DestinationCountry: "BE",
	}
	sz.Stamp(officer, "ws", time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC))
	return sz
}

func TestCaseRefs(t *testing.T) {
	t.Run("numbered per prefix and year", func(t *testing.T) {
		s := mustOpen(t)
		a, b := newCase("a"), newCase("b")
		insertCase(t, s, a)
		insertCase(t, s, b)
		c := newCase("c")
		c.CreatedAt = time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC)
		insertCase(t, s, c)
		got := []string{a.Ref, b.Ref, c.Ref}
		want := []string{"ESA-2026-0001", "ESA-2026-0002", "ESA-2027-0001"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("refs %v, want %v", got, want)
		}
	})

	t.Run("a ref already used is a conflict", func(t *testing.T) {
		s := mustOpen(t)
		a := newCase("a")
		insertCase(t, s, a)
		dup := newCase("dup")
		dup.Ref = a.Ref
		err := s.Write(context.Background(), func(tx *Tx) error { return tx.InsertCase(dup, "ESA") })
		if !errors.Is(err, model.ErrConflict) {
			t.Fatalf("insert duplicate ref: %v, want ErrConflict", err)
		}
	})

	t.Run("unique and gapless under two concurrent writers", func(t *testing.T) {
		// Two Stores on one file stand for two processes: the window and
		// a script running the command line at the same time.
		path := filepath.Join(t.TempDir(), "shared.db")
		stores := []*Store{mustOpenAt(t, path), mustOpenAt(t, path)}
		const each = 40
		var wg sync.WaitGroup
		errs := make(chan error, 2*each)
		for _, s := range stores {
			for i := 0; i < each; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					errs <- s.Write(context.Background(), func(tx *Tx) error { return tx.InsertCase(newCase("race"), "ESA") })
				}()
			}
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("concurrent insert: %v", err)
			}
		}
		var refs []string
		err := stores[0].Read(context.Background(), func(tx *Tx) error {
			cases, err := tx.Cases(model.CaseFilter{})
			for _, c := range cases {
				refs = append(refs, c.Ref)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, r := range refs {
			seen[r] = true
		}
		for i := 1; i <= 2*each; i++ {
			if ref := model.FormatCaseRef("ESA", 2026, i); !seen[ref] {
				t.Errorf("ref %s is missing", ref)
			}
		}
		if len(refs) != 2*each || len(seen) != 2*each {
			t.Fatalf("%d cases with %d distinct refs, want %d of each", len(refs), len(seen), 2*each)
		}
	})
}

func TestRecordsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c := newCase("Operation Platano")
	c.OperationName = "PLÁTANO"
	c.Summary = "Cocaine in reefer containers of bananas from Guayaquil."
	insertCase(t, s, c)
	sz := newSeizure(c.ID)
	person := &model.Entity{Kind: model.KindPerson, Name: "Andrés Muñoz", Aliases: []string{"Андрей"},
		Country: "EC", Identifiers: model.Identifiers{BirthDate: model.Date{Year: 1979, Month: 5, Day: 4}, Nationality: "EC", DocumentNumber: "A1234567"}}
	vessel := &model.Entity{Kind: model.KindVessel, Name: "MSC Aurora", Identifiers: model.Identifiers{IMO: "9074729", Flag: "PA"}}
	for _, e := range []*model.Entity{person, vessel} {
		e.Stamp(officer, "ws", c.CreatedAt)
	}
	link := &model.CaseLink{CaseID: c.ID, EntityID: person.ID, Role: model.RoleSuspect}
	link.Stamp(officer, "ws", c.CreatedAt)
	rel := &model.Relation{FromID: person.ID, ToID: vessel.ID, Type: model.RelUses, Reliability: "B", Credibility: "2"}
	rel.Stamp(officer, "ws", c.CreatedAt)
	err := s.Write(ctx, func(tx *Tx) error {
		return errors.Join(tx.InsertSeizure(sz), tx.InsertEntity(person), tx.InsertEntity(vessel),
			tx.InsertCaseLink(link), tx.InsertRelation(rel))
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Read(ctx, func(tx *Tx) error {
		gotCase, err := tx.CaseByRef(strings.ToLower(c.Ref))
		if err != nil {
			return err
		}
		assertEqual(t, "case", gotCase, *c)
		gotSeizure, err := tx.SeizureByRef(c.ID, "SZ-0001")
		if err != nil {
			return err
		}
		assertEqual(t, "seizure", gotSeizure, *sz)
		ents, err := tx.CaseEntities(c.ID, Live)
		if err != nil {
			return err
		}
		if len(ents) != 1 {
			t.Fatalf("case entities: %d, want 1", len(ents))
		}
		assertEqual(t, "entity", ents[0].Entity, *person)
		assertEqual(t, "link", ents[0].Link, *link)
		rels, err := tx.EntityRelations(vessel.ID)
		if err != nil {
			return err
		}
		if len(rels) != 1 {
			t.Fatalf("vessel relations: %d, want 1", len(rels))
		}
		assertEqual(t, "relation", rels[0], *rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// assertEqual compares two records after putting their times in one zone,
// as the store gives them back in UTC.
func assertEqual[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(normalizeTimes(got), normalizeTimes(want)) {
		t.Fatalf("%s read back differs:\n got %+v\nwant %+v", what, got, want)
	}
}

func normalizeTimes[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	var walk func(reflect.Value)
	walk = func(f reflect.Value) {
		switch f.Kind() {
		case reflect.Struct:
			if t, ok := f.Interface().(time.Time); ok {
				f.Set(reflect.ValueOf(t.UTC().Truncate(time.Microsecond)))
				return
			}
			for i := 0; i < f.NumField(); i++ {
				if f.Field(i).CanSet() {
					walk(f.Field(i))
				}
			}
		case reflect.Slice:
			if f.Len() == 0 {
				f.Set(reflect.Zero(f.Type())) // nil and empty read back the same
			}
		}
	}
	walk(rv)
	return v
}

func TestNothingIsDestroyed(t *testing.T) {
	s := mustOpen(t)
	c := newCase("keep")
	insertCase(t, s, c)
	n := &model.Note{CaseID: c.ID, Body: "first note"}
	n.Stamp(officer, "ws", c.CreatedAt)
	if err := s.Write(context.Background(), func(tx *Tx) error { return tx.InsertNote(n) }); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`DELETE FROM cases`,
		`UPDATE notes SET body = 'rewritten'`,
		`DELETE FROM notes`,
	} {
		t.Run(stmt, func(t *testing.T) {
			_, err := s.writer.Exec(stmt)
			if err == nil {
				t.Fatalf("%s was allowed", stmt)
			}
		})
	}

	t.Run("archive and restore keep the status", func(t *testing.T) {
		c.Status = model.StatusActive
		c.Touch(officer, time.Now())
		err := s.Write(context.Background(), func(tx *Tx) error {
			if err := tx.UpdateCase(c); err != nil {
				return err
			}
			return tx.ArchiveCase(c)
		})
		if err != nil {
			t.Fatal(err)
		}
		var listed []model.Case
		if err := s.Read(context.Background(), func(tx *Tx) (err error) { listed, err = tx.Cases(model.CaseFilter{}); return }); err != nil {
			t.Fatal(err)
		}
		if len(listed) != 0 {
			t.Fatalf("an archived case is in the working list")
		}
		if err := s.Write(context.Background(), func(tx *Tx) error { return tx.RestoreCase(c) }); err != nil {
			t.Fatal(err)
		}
		var got model.Case
		if err := s.Read(context.Background(), func(tx *Tx) (err error) { got, err = tx.CaseByID(c.ID); return }); err != nil {
			t.Fatal(err)
		}
		if got.Status != model.StatusActive {
			t.Fatalf("restored status %s, want active", got.Status)
		}
	})
}

func TestSeizureRefs(t *testing.T) {
	s := mustOpen(t)
	c := newCase("refs")
	insertCase(t, s, c)
	add := func(ref string) string {
		t.Helper()
		sz := newSeizure(c.ID)
		sz.Ref = ref
		if err := s.Write(context.Background(), func(tx *Tx) error { return tx.InsertSeizure(sz) }); err != nil {
			t.Fatalf("insert seizure %q: %v", ref, err)
		}
		return sz.Ref
	}
	got := []string{add(""), add("SZ-0007"), add(""), add("BL-ANR-17"), add("")}
	want := []string{"SZ-0001", "SZ-0007", "SZ-0008", "BL-ANR-17", "SZ-0009"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("seizure refs %v, want %v", got, want)
	}
}

func TestAnotherProgramsDatabaseIsLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bookmarks.sqlite")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE bookmarks (url TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "not a Bollard workspace") {
		t.Fatalf("open another program's database: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("the other program's database was changed")
	}
}

func TestOpenedByTwoProgramsAtOnce(t *testing.T) {
	for round := range 20 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("new-%d.db", round))
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(context.Background(), path)
				if err == nil {
					s.Close()
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}

func TestRefsIgnoreLetterCase(t *testing.T) {
	s := mustOpen(t)
	a := newCase("a")
	insertCase(t, s, a)
	dup := newCase("dup")
	dup.Ref = strings.ToLower(a.Ref)
	err := s.Write(context.Background(), func(tx *Tx) error { return tx.InsertCase(dup, "ESA") })
	if !errors.Is(err, model.ErrConflict) {
		t.Fatalf("a ref differing only in case: %v, want ErrConflict", err)
	}
}

// A workspace made before the audit trail existed gets one baseline entry
// per record when the trail is created, each the record as stored, chained
// like any other; opening it again adds nothing.
func TestAuditTrailStartsWithWhatIsThere(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite3", dsn(path, false, nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, 1, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO workspace (id, created_at) VALUES ('6f1c1b7e-8d2a-4c3e-9b1a-1d2e3f4a5b6c', '2025-01-02T03:04:05.000000Z')`,
		`INSERT INTO cases (id, created_at, created_by_name, created_by_agency, updated_at, updated_by_name, updated_by_agency,
			workspace_id, ref, title, status, priority, corridor, handling_marking)
		 VALUES ('0a1b2c3d-0000-4000-8000-000000000001', '2025-01-02T03:04:05.000000Z', 'M. Torres', 'SVA',
			'2025-01-02T03:04:05.000000Z', 'M. Torres', 'SVA', '6f1c1b7e-8d2a-4c3e-9b1a-1d2e3f4a5b6c',
			'ESA-2025-0001', 'Bananas', 'open', 'normal', 'eu_lac', 'LIMITE')`,
		`INSERT INTO notes (id, created_at, created_by_name, created_by_agency, updated_at, updated_by_name, updated_by_agency,
			workspace_id, case_id, body)
		 VALUES ('0a1b2c3d-0000-4000-8000-000000000002', '2025-01-03T03:04:05.000000Z', 'M. Torres', 'SVA',
			'2025-01-03T03:04:05.000000Z', 'M. Torres', 'SVA', '6f1c1b7e-8d2a-4c3e-9b1a-1d2e3f4a5b6c',
			'0a1b2c3d-0000-4000-8000-000000000001', 'Reefer inspected.')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s := mustOpenAt(t, path)
	var entries []model.AuditEntry
	stored := map[string]string{}
	err = s.Read(ctx, func(tx *Tx) error {
		if err := tx.EachAuditEntry(func(e model.AuditEntry) error { entries = append(entries, e); return nil }); err != nil {
			return err
		}
		return tx.EachStoredRecord(func(r StoredRecord) error { stored[r.Type+"/"+r.ID] = r.JSON; return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("%d baseline entries, want 2 (the case and the note)", len(entries))
	}
	prev := ""
	for _, e := range entries {
		if e.Action != model.AuditBaseline || e.By != model.AuditBaselineAuthor || e.CaseID != "0a1b2c3d-0000-4000-8000-000000000001" ||
			e.PrevHash != prev || e.ComputeHash() != e.Hash || stored[e.RecordType+"/"+e.RecordID] != e.After {
			t.Errorf("entry %d = %+v", e.Seq, e)
		}
		prev = e.Hash
	}
	s.Close()
	s = mustOpenAt(t, path)
	if got := countRows(t, s, "audit_log"); got != 2 {
		t.Errorf("reopening wrote %d entries, want the same 2", got)
	}
}
