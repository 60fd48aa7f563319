package demo

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"strings"
	"sync"

	"bollard/app"
	"bollard/model"
)

// demoFile is a photograph the demo attaches to an exhibit, with the
// officer's review of it (none for a file not reviewed yet).
type demoFile struct {
	att     model.Attachment
	content []byte
	review  *model.AttachmentReview
}

// What the demo's photographs show. The goods and the container are what
// photographs of a concealment mostly are; now and then one shows a
// person, an identity document, or a crowd at the quay an officer cleared
// for sharing, so that a non-nominal dossier has something to withhold.
const (
	pictureDoor = iota
	pictureGoods
	picturePerson
	picturePassport
	pictureCrowd
	pictureSeal
	pictures
)

var (
	picturesOnce sync.Once
	pictureJPEGs [pictures][]byte
)

// picture is one of the demo's few photographs, drawn once: the same
// content attached to many exhibits is one file in the workspace.
func picture(i int) []byte {
	picturesOnce.Do(func() {
		for k := range pictureJPEGs {
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, drawPicture(k), &jpeg.Options{Quality: 80}); err != nil {
				panic(err) // encoding an in-memory RGBA image does not fail
			}
			pictureJPEGs[k] = buf.Bytes()
		}
	})
	return pictureJPEGs[i]
}

// drawPicture draws a plain sketch of what the photograph shows.
func drawPicture(what int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	fill := func(x0, y0, x1, y1 int, c color.RGBA) {
		draw.Draw(img, image.Rect(x0, y0, x1, y1), image.NewUniform(c), image.Point{}, draw.Src)
	}
	person := func(x, y int, c color.RGBA) {
		fill(x-12, y, x+12, y+24, c)     // head
		fill(x-22, y+28, x+22, y+110, c) // body
	}
	switch what {
	case pictureDoor: // a container's doors, with their locking bars and seal
		fill(0, 0, 320, 240, color.RGBA{40, 70, 120, 255})
		for x := 30; x < 300; x += 45 {
			fill(x, 10, x+6, 230, color.RGBA{180, 180, 170, 255})
		}
		fill(150, 120, 170, 140, color.RGBA{230, 200, 20, 255})
	case pictureGoods: // banana boxes, one opened on bricks
		fill(0, 0, 320, 240, color.RGBA{90, 80, 70, 255})
		for y := 20; y < 220; y += 60 {
			for x := 10; x < 300; x += 75 {
				fill(x, y, x+68, y+52, color.RGBA{200, 170, 60, 255})
			}
		}
		fill(100, 90, 160, 130, color.RGBA{240, 240, 235, 255})
	case picturePerson: // a person at the quay
		fill(0, 0, 320, 240, color.RGBA{150, 170, 190, 255})
		person(160, 70, color.RGBA{60, 50, 45, 255})
	case picturePassport: // an identity document's data page
		fill(0, 0, 320, 240, color.RGBA{230, 230, 225, 255})
		fill(20, 40, 300, 200, color.RGBA{120, 40, 60, 255})
		fill(35, 60, 115, 160, color.RGBA{210, 190, 170, 255})
		for y := 65; y < 190; y += 18 {
			fill(130, y, 285, y+6, color.RGBA{240, 235, 220, 255})
		}
	case pictureCrowd: // dockers far off, no face to be made out
		fill(0, 0, 320, 240, color.RGBA{160, 175, 185, 255})
		fill(0, 180, 320, 240, color.RGBA{90, 90, 95, 255})
		for x := 30; x < 300; x += 40 {
			person(x, 120+(x%3)*4, color.RGBA{70, 70, 80, 200})
		}
	case pictureSeal: // a bolt seal, close up
		fill(0, 0, 320, 240, color.RGBA{50, 60, 70, 255})
		fill(60, 100, 260, 130, color.RGBA{190, 190, 195, 255})
		fill(120, 80, 200, 150, color.RGBA{220, 40, 30, 255})
	}
	return img
}

// photograph gives the photographs exhibit its files: the container and
// the goods, reviewed as showing nothing personal, and, in turn from one
// such exhibit to the next, a person (not shareable), a passport (not
// shareable), a crowd at the quay (cleared for sharing), or a file nobody
// has reviewed yet. A file of a person is named after them, as officers
// name their files. The files' IDs and times follow from the exhibit's,
// so that the plan's draws, and every case after, are what they were
// before the demo had photographs.
func (p *plan) photograph(i int) {
	if p.noPhotographs {
		return
	}
	x := &p.exhibits[i]
	it := x.item
	atQuay, passport := "person_at_the_quay.jpg", "passport_scan.jpg"
	for _, e := range p.entities {
		if e.Kind == model.KindPerson {
			name := strings.ReplaceAll(e.Name, " ", "_")
			atQuay, passport = name+"_at_the_quay.jpg", "passport_"+name+".jpg"
			break
		}
	}
	n := 2041 + p.photographed%7000
	type file struct {
		name  string
		what  int
		shows model.FileShows // "" when not reviewed
		share bool
	}
	files := []file{
		{fmt.Sprintf("IMG_%04d.jpg", n), pictureDoor, model.ShowsNothingPersonal, false},
		{fmt.Sprintf("IMG_%04d.jpg", n+1), pictureGoods, model.ShowsNothingPersonal, false},
	}
	switch p.photographed % 4 {
	case 0:
		files = append(files, file{atQuay, picturePerson, model.ShowsPersons, false})
	case 1:
		files = append(files, file{passport, picturePassport, model.ShowsIdentityDocument, false})
	case 2:
		files = append(files, file{"quay_crowd.jpg", pictureCrowd, model.ShowsPersons, true})
	case 3:
		files = append(files, file{fmt.Sprintf("IMG_%04d.jpg", n+2), pictureSeal, "", false})
	}
	p.photographed++
	for k, f := range files {
		a := model.Attachment{ID: derivedID(it.ID, k), ItemID: it.ID, Name: f.name, MediaType: "image/jpeg",
			AddedAt: it.CreatedAt, AddedBy: it.CreatedBy}
		df := demoFile{att: a, content: picture(f.what)}
		if f.shows != "" {
			r := model.AttachmentReview{CaseID: it.CaseID, ItemID: it.ID, AttachmentID: a.ID, Shows: f.shows, Shareable: f.share}
			r.CreatedAt, r.CreatedBy, r.Workspace = it.CreatedAt, it.CreatedBy, it.Workspace
			df.review = &r
		}
		x.files = append(x.files, df)
	}
}

// derivedID is the ID of the exhibit's k-th file: a UUID drawn from the
// exhibit's, not from the plan's random numbers.
func derivedID(itemID string, k int) string {
	sum := sha1.Sum([]byte(fmt.Sprintf("bollard demo file\x00%s\x00%d", itemID, k)))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// attachFiles attaches the exhibit's photographs and records their
// reviews.
func attachFiles(b *app.Batch, x *exhibit) error {
	for i := range x.files {
		f := &x.files[i]
		if err := b.AttachContent(&f.att, f.content); err != nil {
			return fmt.Errorf("photograph %s: %w", f.att.Name, err)
		}
		if f.review != nil {
			if err := b.ReviewAttachment(f.review); err != nil {
				return fmt.Errorf("review of %s: %w", f.att.Name, err)
			}
		}
	}
	return nil
}
