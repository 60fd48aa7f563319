package dossier_test

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/model"
)

var ctx = context.Background()

// The moment the tests' workspaces live in, and the dossiers' fixed date.
var (
	testNow  = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	testDate = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
)

var testOfficer = model.Officer{Name: "Begoña Ibáñez Ruiz", Agency: "Servicio de Vigilancia Aduanera", Country: "ES", RefPrefix: "ESA"}

// mustOpen opens a real workspace file in a temporary folder, with an
// officer profile and a fixed clock.
func mustOpen(t testing.TB) *app.Workspace {
	t.Helper()
	w, err := app.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	w.Now = func() time.Time { return testNow }
	if _, err := w.SetOfficer(ctx, testOfficer); err != nil {
		t.Fatal(err)
	}
	return w
}

// The people of the test case: the names the dossier must print intact,
// and must not print at all when redacted.
var persons = []model.Entity{
	{Kind: model.KindPerson, Name: "Juan Carlos Muñoz Rojas", Country: "ES", Aliases: []string{"El Gallego"},
		Identifiers: model.Identifiers{BirthDate: model.Date{Year: 1979, Month: 3, Day: 14}, Nationality: "ES", DocumentNumber: "X4471223Q"}},
	{Kind: model.KindPerson, Name: "Łukasz Wróblewski", Country: "PL",
		Identifiers: model.Identifiers{BirthDate: model.Date{Year: 1988, Month: 7, Day: 2}, DocumentNumber: "EZ8812004"}},
	{Kind: model.KindPerson, Name: "Иван Петрович Иванов", Country: "RU",
		Identifiers: model.Identifiers{DocumentNumber: "753118406"}},
}

var organisation = model.Entity{Kind: model.KindOrganisation, Name: "Gonçalves & Filhos, Lda.", Country: "PT",
	Identifiers: model.Identifiers{VATNumber: "PT501234560"}}

// mustCaseFile records a case with seizures of two commodities in two
// currencies, three persons, a company, a relation, an event, a task and a
// note, and returns its case file.
func mustCaseFile(t testing.TB, w *app.Workspace, seizures int) app.CaseFile {
	t.Helper()
	c, err := w.CreateCase(ctx, model.Case{
		Title:    "Cocaína en contenedor de plátanos, Guayaquil → Algeciras",
		Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine, model.ThreatTBML},
		OperationName: "NÉCORA", HandlingMarking: "RESERVADO", LeadAgency: "SVA", LeadOfficer: "Begoña Ibáñez Ruiz",
		PartnerAgencies: []string{"Policía Nacional del Ecuador", "Autoridade Tributária e Aduaneira"},
		Summary: "Juan Carlos Muñoz Rojas (document X4471223Q) organises the imports; payments of € 50 000 go → Panamá. " +
			strings.Repeat("The summary is long enough to wrap over several lines of the page. ", 6),
	})
	if err != nil {
		t.Fatal(err)
	}
	err = w.Change(ctx, func(b *app.Batch) error {
		for i := 0; i < seizures; i++ {
			s := model.Seizure{CaseID: c.ID, SeizedAt: testNow.Add(-time.Duration(i+1) * time.Hour), PlaceName: "Algeciras, Muelle Isla Verde",
				LOCODE: "ESALG", Category: model.CommodityCocaine, Description: "cocaine bricks in banana boxes",
				Quantity: 100, Unit: model.Kilogram, EstimatedValue: 1000, Currency: "EUR", TransportMode: model.ModeContainer,
				ContainerNumbers: []string{"MSCU1234566"}, OriginCountry: "EC", TransitCountries: []string{"PA"}, DestinationCountry: "ES"}
			if i%2 == 1 {
				s.Quantity, s.EstimatedValue = 250.5, 2500
			}
			if i%3 == 2 {
				s.Category, s.Description, s.Quantity, s.Unit, s.EstimatedValue, s.Currency =
					model.CommodityCigarettes, "cigarettes behind a cover load", 10000, model.Sticks, 3000, "GBP"
			}
			if err := b.AddSeizure(&s); err != nil {
				return err
			}
		}
		var ids []string
		for _, e := range append(append([]model.Entity{}, persons...), organisation) {
			if err := b.CreateEntity(&e); err != nil {
				return err
			}
			if err := b.LinkEntity(&model.CaseLink{CaseID: c.ID, EntityID: e.ID, Role: model.RoleSuspect}); err != nil {
				return err
			}
			ids = append(ids, e.ID)
		}
		if err := b.AddRelation(&model.Relation{FromID: ids[0], ToID: ids[3], Type: model.RelDirects, Source: "Registo comercial", Reliability: "B", Credibility: "2"}); err != nil {
			return err
		}
		if err := b.AddRelation(&model.Relation{FromID: ids[1], ToID: ids[0], Type: model.RelAssociate}); err != nil {
			return err
		}
		if err := b.AddTimelineEvent(&model.TimelineEvent{CaseID: c.ID, At: testNow.Add(-48 * time.Hour), Title: "Meeting of Muñoz Rojas and Wróblewski", Place: "Málaga"}); err != nil {
			return err
		}
		if err := b.AddTask(&model.Task{CaseID: c.ID, Kind: model.TaskAssistanceRequest, Title: "Bank records of Gonçalves & Filhos", Partner: "Autoridade Tributária e Aduaneira",
			LegalBasis: "Naples II, art. 10", Status: model.TaskSent, DueOn: model.Date{Year: 2026, Month: 12, Day: 15}}); err != nil {
			return err
		}
		return b.AddNote(&model.Note{CaseID: c.ID, Body: "Juan Carlos Muñoz Rojas was seen with Иван Петрович Иванов at the port.\nSecond paragraph."})
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := w.CaseFile(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// render writes the dossier to a file in a temporary folder.
func render(t testing.TB, f app.CaseFile, opt dossier.Options) string {
	t.Helper()
	if opt.Date.IsZero() {
		opt.Date = testDate
	}
	if opt.Officer.Name == "" {
		opt.Officer = testOfficer
	}
	opt.Version = app.Version
	path := filepath.Join(t.TempDir(), "dossier.pdf")
	var buf bytes.Buffer
	if _, err := dossier.Write(ctx, &buf, f, opt); err != nil {
		t.Fatalf("write dossier: %v", err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tool runs one of the PDF tools installed with poppler-utils and qpdf.
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (make deps-test installs it)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pages is the text of each page, as pdftotext reads it back.
func pages(t testing.TB, path string) []string {
	t.Helper()
	text := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	ps := strings.Split(text, "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// info is pdfinfo's report as key → value.
func info(t testing.TB, path string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, line := range strings.Split(tool(t, "pdfinfo", path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			m[k] = strings.TrimSpace(v)
		}
	}
	return m
}

var wordBox = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// overflowing lists the words printed outside the page's margins.
func overflowing(t testing.TB, path string) []string {
	t.Helper()
	const mm = 72 / 25.4
	var out []string
	for _, m := range wordBox.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox", path, "-"), -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		if x0 < 15*mm-1 || x1 > (210-15)*mm+1 {
			out = append(out, m[5])
		}
	}
	return out
}

// writePhotos makes n photographs of width×height pixels in a folder and
// returns a photo opener over it and the attachments describing them.
// Every other one is a PNG, unless camera is set: then all are JPEGs with
// a camera's sensor noise, which makes them as large as real photographs.
func writePhotos(t testing.TB, n, width, height int, camera bool) (func(string) (io.ReadCloser, error), []model.Attachment) {
	t.Helper()
	dir := t.TempDir()
	var atts []model.Attachment
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for i := 0; i < n; i++ {
		// A gradient with a band that moves, so that every file differs.
		for y := 0; y < height; y++ {
			for x := 0; x < width; x++ {
				o := img.PixOffset(x, y)
				band := uint8(0)
				if camera {
					band = uint8((x*x*31 + y*17 + i*7 + x*y) % 23)
				}
				if (x+i*29)%width < width/10 {
					band += 120
				}
				img.Pix[o], img.Pix[o+1], img.Pix[o+2], img.Pix[o+3] = uint8(x*255/width)+band, uint8(y*255/height), uint8(i*37), 255
			}
		}
		var buf bytes.Buffer
		media, ext := "image/jpeg", ".jpg"
		if i%2 == 1 && !camera {
			media, ext = "image/png", ".png"
			png.Encode(&buf, img)
		} else {
			jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
		}
		sha := sha256Hex(buf.Bytes())
		if err := os.WriteFile(filepath.Join(dir, sha), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		atts = append(atts, model.Attachment{SHA256: sha, Name: "container-door-" + strconv.Itoa(i+1) + ext, Size: int64(buf.Len()), MediaType: media})
	}
	open := func(sha string) (io.ReadCloser, error) { return os.Open(filepath.Join(dir, sha)) }
	return open, atts
}
