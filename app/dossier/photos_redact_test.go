package dossier_test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/model"
)

// What a camera and a scanner leave in a JPEG besides the picture, and
// what a redacted dossier must not carry: a name and a passport number in
// the comment and in the EXIF, and a file named after the person.
const (
	plantedName     = "Zbigniew Kowalczyk-Ortega"
	plantedPassport = "PZK9931177"
	plantedFileName = "passport_Kowalczyk-Ortega.jpg"
)

// plantedJPEG is a JPEG of a plain picture whose comment (COM) and EXIF
// (APP1) segments name a person and their passport.
func plantedJPEG(t *testing.T, shade uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 96, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 96; x++ {
			img.Set(x, y, color.RGBA{shade, uint8(x * 2), uint8(y * 3), 255})
		}
	}
	var plain bytes.Buffer
	if err := jpeg.Encode(&plain, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	segment := func(marker byte, payload string) []byte {
		s := []byte{0xFF, marker, 0, 0}
		binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
		return append(s, payload...)
	}
	exif := "Exif\x00\x00" + "MM\x00\x2a\x00\x00\x00\x08" + "Artist " + plantedName + " Passport " + plantedPassport
	var out []byte
	out = append(out, plain.Bytes()[:2]...) // SOI
	out = append(out, segment(0xE1, exif)...)
	out = append(out, segment(0xFE, plantedName+", passport "+plantedPassport)...)
	return append(out, plain.Bytes()[2:]...)
}

// photoCase records an exhibit with four pictures, each planted, and
// reviews them as the test says: "" leaves a file unreviewed.
func photoCase(t *testing.T, shows []model.FileShows, shareable []bool) (*app.Workspace, app.CaseFile, [][]byte) {
	t.Helper()
	w := mustOpen(t)
	f := mustCaseFile(t, w, 1)
	dir := t.TempDir()
	var paths []string
	var files [][]byte
	for i := range shows {
		data := plantedJPEG(t, uint8(40*i+20))
		name := plantedFileName
		if i > 0 {
			name = strings.Replace(plantedFileName, ".jpg", "_"+string(rune('a'+i))+".jpg", 1)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths, files = append(paths, path), append(files, data)
	}
	x, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: f.Case.ID, Kind: model.EvidencePhoto, Description: "Photographs taken at the quay"}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range x.Attachments {
		if shows[i] == "" {
			continue
		}
		if _, err := w.ReviewAttachment(ctx, model.AttachmentReview{CaseID: f.Case.ID, ItemID: x.ID, AttachmentID: a.ID,
			Shows: shows[i], Shareable: shareable[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if f, err = w.CaseFile(ctx, f.Case.Ref); err != nil {
		t.Fatal(err)
	}
	return w, f, files
}

// photoOptions opens the workspace's attached files.
func photoOptions(w *app.Workspace, redact bool) dossier.Options {
	return dossier.Options{Redact: redact, Sections: []dossier.Section{dossier.SectionEvidence, dossier.SectionPhotos},
		Photo: func(sha string) (io.ReadCloser, error) { return w.OpenAttachment(sha) }}
}

// raw is the PDF's bytes with every stream decompressed and no object
// streams, as a reader searching it for a leak would see them.
func raw(t *testing.T, path string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "qdf.pdf")
	tool(t, "qpdf", "--qdf", "--object-streams=disable", path, out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRedactedDossierPrintsPicturesFromTheirPixelsOnly(t *testing.T) {
	shows := []model.FileShows{model.ShowsNothingPersonal, model.ShowsPersons, model.ShowsIdentityDocument, "", model.ShowsPersons}
	shareable := []bool{false, false, false, false, true}
	w, f, files := photoCase(t, shows, shareable)

	path := render(t, f, photoOptions(w, true))
	text := strings.Join(pages(t, path), "\n")
	bytesOut := raw(t, path)
	for _, planted := range []string{plantedName, plantedPassport, "Kowalczyk", "passport_", ".jpg"} {
		if strings.Contains(text, planted) {
			t.Errorf("the text of the redacted dossier holds %q", planted)
		}
		if strings.Contains(bytesOut, planted) {
			t.Errorf("the decompressed bytes of the redacted dossier hold %q", planted)
		}
	}
	for _, data := range files {
		// The end of the picture's coded data, which no re-encoding repeats.
		if strings.Contains(bytesOut, string(data[len(data)-66:len(data)-2])) {
			t.Error("a file's own JPEG bytes went into the redacted dossier")
		}
	}
	ref := f.Evidence[0].Item.ExhibitRef
	for _, want := range []string{ref + ", file 1", ref + ", file 5"} {
		if !strings.Contains(text, want) {
			t.Errorf("the redacted dossier does not name a printed file %q", want)
		}
	}
	// Two are printed (nothing personal; persons but shareable), three
	// withheld: one of persons, an identity document, one never reviewed.
	if n := strings.Count(bytesOut, "/Subtype /Image"); n != 2 {
		t.Errorf("the redacted dossier holds %d pictures, want 2", n)
	}
	if got := dossier.PhotosWithheld(f, true); got != "withheld person photos 1; withheld identity documents 1; withheld unreviewed files 1; withheld file names 5" {
		t.Errorf("withheld: %s", got)
	}

	again := render(t, f, photoOptions(w, true))
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("the same case on the same date gave two different redacted dossiers")
	}
}

func TestDossierKeepsPicturesByteForByte(t *testing.T) {
	shows := []model.FileShows{model.ShowsPersons, ""}
	w, f, files := photoCase(t, shows, []bool{false, false})
	path := render(t, f, photoOptions(w, false))
	text := strings.Join(pages(t, path), "\n")
	if !strings.Contains(text, plantedFileName) {
		t.Error("the dossier does not name its files")
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, data := range files {
		// The JPEG goes in as it is, header to end, planted metadata and all.
		if !bytes.Contains(pdf, data) {
			t.Errorf("file %d is not in the dossier byte for byte", i+1)
		}
	}
	if got := dossier.PhotosWithheld(f, false); got != "" {
		t.Errorf("a dossier that is not redacted withholds %s", got)
	}
}

func TestRedactedDossierWithholdsWhatIsNotCleared(t *testing.T) {
	w, f, _ := photoCase(t, []model.FileShows{model.ShowsPersons, ""}, []bool{false, false})
	path := render(t, f, photoOptions(w, true))
	if strings.Contains(raw(t, path), "/Subtype /Image") {
		t.Error("a picture of a person or one never reviewed went into the redacted dossier")
	}
	if got := dossier.PhotosWithheld(f, true); got != "withheld person photos 1; withheld unreviewed files 1; withheld file names 2" {
		t.Errorf("withheld: %s", got)
	}
}
