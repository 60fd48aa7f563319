package dossier_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/dossier"
	"bollard/model"
)

// The traps of the hard case: each names one of its persons or gives one
// of their numbers the way a real report does, in a form the person's
// record does not hold. The finder must see every one of them (so that a
// redacted dossier without a hit proves something), and the unredacted
// dossier must print every one (so that the redacted one had to remove it).
var traps = []string{
	"MUÑOZ-ROJAS", "munoz-rojas", "Muñoz said nothing", "O'Neill refused", "Jean O’Neill", "O’NEILL’S boat",
	"Munoz's phone", "Dmitry Volkov", "Volkova", "Волков", "Giorgos Papadopoulos", "Papadopoulou",
	"0034 600-12-34-56", "600 123 456", "X 447 1223-Q", "x4471223q", "14.3.1979", "14 de marzo de 1979", "March 14, 1979",
	"ES91 2100 0418 4502 0005 1332", "JUAN.MUNOZ.ROJAS@MAIL.EXAMPLE", "1234-BCD",
	"CALLE DE LA SIERPE 14, 41004 SEVILLA", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
	"Transportes Muñoz-Rojas SL",
	"le frère d'Aguirre", "qu’AGUIRRE", "dell'Aguirre", "Neill said nothing", "C/ Sierpe, nº 14", "41004 Sevilla",
	"2100 0418 4502 0005 1332", "14-III-1979", "14 mar 79", "CMR of Muñoz X4471223Q", "Policía de Aguirre",
}

// hardPersons and hardContacts are the hard case's nominal entities.
var hardPersons = []model.Entity{
	{Kind: model.KindPerson, Name: "Juan Carlos Muñoz-Rojas", Country: "ES", Aliases: []string{"El Flaco"},
		Identifiers: model.Identifiers{BirthDate: model.Date{Year: 1979, Month: 3, Day: 14}, Nationality: "ES", DocumentNumber: "X4471223Q"}},
	{Kind: model.KindPerson, Name: "Jean O'Neill", Country: "IE",
		Identifiers: model.Identifiers{BirthDate: model.Date{Year: 1985, Month: 11, Day: 2}, DocumentNumber: "PA7731004"}},
	{Kind: model.KindPerson, Name: "Дмитрий Волков", Country: "RU",
		Identifiers: model.Identifiers{BirthDate: model.Date{Year: 1990, Month: 7, Day: 21}, DocumentNumber: "753118406"}},
	{Kind: model.KindPerson, Name: "Γιώργος Παπαδόπουλος", Country: "GR",
		Identifiers: model.Identifiers{DocumentNumber: "AK2291844"}},
	{Kind: model.KindPerson, Name: "Andrés Aguirre", Country: "FR"},
}

var hardOthers = []model.Entity{
	{Kind: model.KindPhone, Name: "+34 600 12 34 56"},
	{Kind: model.KindEmail, Name: "juan.munoz.rojas@mail.example"},
	{Kind: model.KindBankAccount, Name: "ES91 2100 0418 4502 0005 1332", Identifiers: model.Identifiers{IBAN: "ES9121000418450200051332"}},
	{Kind: model.KindWallet, Name: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"},
	{Kind: model.KindAddress, Name: "Calle de la Sierpe 14, 41004 Sevilla", Country: "ES"},
	{Kind: model.KindVehicle, Name: "SEAT León", Country: "ES", Identifiers: model.Identifiers{Plate: "1234 BCD", VIN: "VSSZZZ5FZJR000001"}},
	{Kind: model.KindOrganisation, Name: "Transportes Muñoz-Rojas SL", Country: "ES"},
}

// leakCase records a case whose every free-text field hides the traps,
// with photographs whose names and embedded metadata name the persons.
func leakCase(t *testing.T, w *app.Workspace) app.CaseFile {
	t.Helper()
	c, err := w.CreateCase(ctx, model.Case{
		Title: "Cocaine in bananas: the Muñoz-Rojas network", OperationName: "ROJAS",
		Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine},
		HandlingMarking: "RESTRICTED", LeadAgency: "SVA", LeadOfficer: "Begoña Ibáñez Ruiz",
		Summary: "MUÑOZ-ROJAS runs the network; munoz-rojas is how the broker writes him. Muñoz said nothing. " +
			"O'Neill refused to answer. Jean O’Neill paid the crew. O’NEILL’S boat left at dawn. Munoz's phone is 0034 600-12-34-56 " +
			"(or 600 123 456), passport X 447 1223-Q (x4471223q in the ledger), born 14.3.1979, that is 14 de marzo de 1979, March 14, 1979, " +
			"14-III-1979 or 14 mar 79 in the register. Le frère d'Aguirre, qu’AGUIRRE, dell'Aguirre. Neill said nothing. " +
			"He lives at C/ Sierpe, nº 14 (41004 Sevilla); his account 2100 0418 4502 0005 1332.",
		PartnerAgencies: []string{"Policía de Aguirre"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var people []string
	err = w.Change(ctx, func(b *app.Batch) error {
		s := model.Seizure{CaseID: c.ID, SeizedAt: testNow.Add(-30 * time.Hour), PlaceName: "Algeciras, the quay Muñoz-Rojas rents",
			LOCODE: "ESALG", Category: model.CommodityCocaine, Description: "cocaine under bananas consigned by Transportes Muñoz-Rojas SL",
			Quantity: 412, Unit: model.Kilogram, EstimatedValue: 1000, Currency: "EUR", TransportMode: model.ModeContainer,
			ContainerNumbers: []string{"MSCU1234566"}, OriginCountry: "EC", DestinationCountry: "ES",
			TransportDocument: "CMR of Muñoz X4471223Q", SealNumbers: []string{"X4471223Q"}}
		if err := b.AddSeizure(&s); err != nil {
			return err
		}
		for _, e := range append(append([]model.Entity{}, hardPersons...), hardOthers...) {
			if err := b.CreateEntity(&e); err != nil {
				return err
			}
			if err := b.LinkEntity(&model.CaseLink{CaseID: c.ID, EntityID: e.ID, Role: model.RoleSuspect}); err != nil {
				return err
			}
			people = append(people, e.ID)
		}
		for i, r := range []model.Relation{
			{FromID: people[0], ToID: people[11], Type: model.RelDirects, Source: "Registro mercantil: MUÑOZ-ROJAS is sole director"},
			{FromID: people[1], ToID: people[0], Type: model.RelAssociate, Source: "Jean O’Neill's statement"},
			{FromID: people[2], ToID: people[0], Type: model.RelAssociate},
			{FromID: people[3], ToID: people[2], Type: model.RelAssociate},
			{FromID: people[0], ToID: people[5], Type: model.RelUses},
		} {
			if err := b.AddRelation(&r); err != nil {
				return fmt.Errorf("relation %d: %w", i, err)
			}
		}
		events := []model.TimelineEvent{
			{At: testNow.Add(-72 * time.Hour), Title: "Dmitry Volkov meets Giorgos Papadopoulos", Place: "Piraeus",
				Description: "Volkova and Волков are the same family; Papadopoulou drove."},
			{At: testNow.Add(-50 * time.Hour), Title: "Transfer from ES91 2100 0418 4502 0005 1332", Place: "CALLE DE LA SIERPE 14, 41004 SEVILLA",
				Description: "Mail from JUAN.MUNOZ.ROJAS@MAIL.EXAMPLE; car 1234-BCD; wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq."},
		}
		for _, e := range events {
			e.CaseID = c.ID
			if err := b.AddTimelineEvent(&e); err != nil {
				return err
			}
		}
		if err := b.AddTask(&model.Task{CaseID: c.ID, Kind: model.TaskAssistanceRequest, Title: "Bank records of MUÑOZ-ROJAS",
			Partner: "Guardia di Finanza", LegalBasis: "Naples II, art. 10", Status: model.TaskSent}); err != nil {
			return err
		}
		return b.AddNote(&model.Note{CaseID: c.ID, Body: "O'Neill refused. Jean O’Neill was seen with Dmitry Volkov. Munoz's brother is not a suspect."})
	})
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	files := []struct {
		name  string
		data  []byte
		shows model.FileShows
		share bool
		keep  bool // reviewed as printable in a redacted dossier
	}{
		{"passport_Munoz-Rojas_X4471223Q.jpg", jpegWith("Juan Carlos Muñoz-Rojas X4471223Q", "Muñoz-Rojas"), model.ShowsIdentityDocument, false, false},
		{"quay.jpg", jpegWith("Muñoz-Rojas at the quay, X4471223Q", "Jean O'Neill"), model.ShowsNothingPersonal, false, true},
		{"Волков на причале.png", pngWith("Дмитрий Волков, 753118406"), model.ShowsPersons, true, true},
		{"crew_Papadopoulos.jpg", jpegWith("Giorgos Papadopoulos AK2291844", "Papadopoulos"), "", false, false},
		{"face_ONeill.jpg", jpegWith("Jean O'Neill PA7731004", "O'Neill"), model.ShowsPersons, false, false},
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	item, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Kind: model.EvidencePhoto,
		Description: "Photographs of MUÑOZ-ROJAS's passport and of the quay", StorageLocation: "Case file (digital)",
		AcquiredAt: testNow.Add(-29 * time.Hour), AcquiredPlace: "Algeciras"}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range item.Attachments {
		f := files[i]
		if f.shows == "" {
			continue // never reviewed
		}
		if _, err := w.ReviewAttachment(ctx, model.AttachmentReview{CaseID: c.ID, ItemID: item.ID, AttachmentID: a.ID,
			Shows: f.shows, Shareable: f.share}); err != nil {
			t.Fatalf("review %s: %v", f.name, err)
		}
	}
	if _, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: item.ID, Action: model.CustodySeized,
		At: testNow.Add(-29 * time.Hour), Place: "Algeciras", Note: "Taken from Muñoz's bag; Volkov's prints on it."}); err != nil {
		t.Fatal(err)
	}
	f, err := w.CaseFile(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestLeakFinderSeesEveryTrap proves the judge before it judges: every trap
// is found by the needles of the hard case, on its own, and the unredacted
// dossier prints every trap where the finder sees it.
func TestLeakFinderSeesEveryTrap(t *testing.T) {
	w := mustOpen(t)
	f := leakCase(t, w)
	finder := newLeakFinder(f)
	for _, trap := range traps {
		h := haystack{words: " " + leakFold(trap) + " ", raw: asciiLower([]byte(trap))}
		h.skeleton = strings.ReplaceAll(h.words, " ", "")
		if len(finder.leaks(h)) == 0 {
			t.Errorf("the leak finder does not see the trap %q", trap)
		}
	}
	plain := readDossier(t, renderCase(t, w, f.Case.Ref, dossier.Options{}))
	for _, trap := range traps {
		want := " " + leakFold(trap) + " "
		if !strings.Contains(plain.words, want) {
			t.Errorf("the unredacted dossier does not print the trap %q: the redacted one proves nothing about it", trap)
		}
	}
	// The planted metadata is in the files the unredacted dossier embeds as
	// they are, so the finder is shown to search images' bytes too.
	if !bytes.Contains(plain.raw, asciiLower([]byte("x4471223q"))) {
		t.Error("the unredacted dossier does not hold the passport number planted in a photograph's comment")
	}
}

// TestRedactedDossierLeaksNothing renders the hard case in every language,
// and every case of a demo workspace in turn of the languages, without its
// persons, and finds none of their values in any form.
func TestRedactedDossierLeaksNothing(t *testing.T) {
	w := mustOpen(t)
	f := leakCase(t, w)
	for _, lang := range model.Languages {
		t.Run("hard case "+string(lang), func(t *testing.T) {
			// A marking typed for the occasion is redacted too: it prints on
			// every page and in the keywords.
			checkNoLeak(t, w, f, dossier.Options{Language: lang, Marking: "LIMITE Muñoz-Rojas X4471223Q"})
		})
	}

	// The demo's own officers, as `bollard demo` makes them: the tests'
	// officer shares a surname with one of the demo's suspects.
	dw, err := app.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer dw.Close()
	dw.Now = func() time.Time { return testNow }
	if _, err := demo.Fill(ctx, dw, demo.Options{Seed: 15}); err != nil {
		t.Fatal(err)
	}
	cases, err := dw.Cases(ctx, model.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 10 {
		t.Fatalf("the demo made %d cases", len(cases))
	}
	for i, c := range cases {
		lang := model.Languages[i%len(model.Languages)]
		t.Run(c.Ref+" "+string(lang), func(t *testing.T) {
			cf, err := dw.CaseFile(ctx, c.Ref)
			if err != nil {
				t.Fatal(err)
			}
			checkNoLeak(t, dw, cf, dossier.Options{Language: lang})
		})
	}
}

// checkNoLeak renders the case's redacted dossier and fails on any value.
func checkNoLeak(t *testing.T, w *app.Workspace, f app.CaseFile, opt dossier.Options) {
	t.Helper()
	opt.Redact = true
	path := renderCase(t, w, f.Case.Ref, opt)
	h := readDossier(t, path)
	for _, leak := range newLeakFinder(f).leaks(h) {
		t.Errorf("the redacted dossier holds %s", leak)
	}
	for _, msg := range imageMetadata(t, path) {
		t.Errorf("the redacted dossier embeds an image with %s", msg)
	}
}

// renderCase renders the dossier of the case in w as the command line
// does, with the workspace's own files.
func renderCase(t *testing.T, w *app.Workspace, ref string, opt dossier.Options) string {
	t.Helper()
	if opt.Date.IsZero() {
		opt.Date = testDate
	}
	path := filepath.Join(t.TempDir(), "dossier.pdf")
	if _, err := dossier.RenderToFile(ctx, w, ref, path, false, opt); err != nil {
		t.Fatalf("render %s: %v", ref, err)
	}
	return path
}

var dctStream = regexp.MustCompile(`(?s)/Filter /DCTDecode.*?>>\s*stream\r?\n(.*?)endstream`)

// imageMetadata lists the JPEG images in the file that carry segments
// beside the picture (EXIF, XMP, ICC, a comment), which a redacted
// dossier must have re-encoded from pixels away.
func imageMetadata(t *testing.T, path string) []string {
	t.Helper()
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	tool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range dctStream.FindAllSubmatch(raw, -1) {
		data := m[1]
		for i := 2; i+4 <= len(data) && data[i] == 0xff; {
			marker := data[i+1]
			if marker == 0xda { // start of scan: the picture itself follows
				break
			}
			if marker >= 0xe0 && marker <= 0xef || marker == 0xfe {
				out = append(out, fmt.Sprintf("a segment 0x%02X", marker))
			}
			i += 2 + int(binary.BigEndian.Uint16(data[i+2:]))
		}
	}
	return out
}

// jpegWith is a small photograph carrying a comment and an EXIF artist,
// as a camera or a scanner writes them.
func jpegWith(comment, artist string) []byte {
	var pic bytes.Buffer
	jpeg.Encode(&pic, picture(), &jpeg.Options{Quality: 80})
	data := pic.Bytes()
	segment := func(marker byte, body []byte) []byte {
		s := []byte{0xff, marker, 0, 0}
		binary.BigEndian.PutUint16(s[2:], uint16(len(body)+2))
		return append(s, body...)
	}
	// A minimal EXIF block: a TIFF header with one IFD entry, Artist (0x013B).
	artistBytes := append([]byte(artist), 0)
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x3b, 0, 2}
	tiff = binary.BigEndian.AppendUint32(tiff, uint32(len(artistBytes)))
	tiff = binary.BigEndian.AppendUint32(tiff, 26)
	tiff = append(tiff, 0, 0, 0, 0)
	tiff = append(tiff, artistBytes...)
	exif := append([]byte("Exif\x00\x00"), tiff...)
	var out []byte
	out = append(out, data[:2]...) // start of image
	out = append(out, segment(0xe1, exif)...)
	out = append(out, segment(0xfe, []byte(comment))...)
	return append(out, data[2:]...)
}

// pngWith is a small picture with a text chunk naming its author.
func pngWith(author string) []byte {
	var pic bytes.Buffer
	png.Encode(&pic, picture())
	data := pic.Bytes()
	body := append([]byte("Author\x00"), author...)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	typed := append([]byte("tEXt"), body...)
	chunk = append(chunk, typed...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(typed))
	// After the signature (8 bytes) and the IHDR chunk (25 bytes).
	return append(append(append([]byte{}, data[:33]...), chunk...), data[33:]...)
}

func picture() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := 0; y < 48; y++ {
		for x := 0; x < 64; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 5), 90, 255})
		}
	}
	return img
}
