package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bollard/model"
)

func TestProfileFormSavesOfficer(t *testing.T) {
	win := newTestWindow(t)
	ws := mustOpen(t)
	bg := newTestBackground(t)
	var saved model.Officer
	p := newProfileForm(ws, win, bg, model.Officer{}, func(o model.Officer) { saved = o })
	win.SetContent(p.content)

	if !p.save.Disabled() {
		t.Fatal("Save is enabled on an empty form")
	}
	test.Type(p.name, "Begoña Ibáñez Ruiz")
	test.Type(p.agency, "Servicio de Vigilancia Aduanera")
	if !p.save.Disabled() {
		t.Fatal("Save is enabled without a case-ref prefix")
	}
	test.Type(p.prefix, "esa")
	test.Type(p.country, "Spain")
	p.language.SetSelected("Español")
	if p.save.Disabled() {
		t.Fatal("Save is still disabled with name, agency and prefix filled in")
	}
	test.Tap(p.save)
	bg.wait()

	got, err := ws.Officer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := model.Officer{Name: "Begoña Ibáñez Ruiz", Agency: "Servicio de Vigilancia Aduanera", Country: "ES",
		RefPrefix: "ESA", DefaultMarking: "LIMITE", Language: model.Spanish}
	if got != want {
		t.Errorf("stored profile = %+v, want %+v", got, want)
	}
	if saved != want {
		t.Errorf("onSaved got %+v, want %+v", saved, want)
	}
}

func TestProfileFormShowsErrorsInline(t *testing.T) {
	win := newTestWindow(t)
	ws := mustOpen(t)
	bg := newTestBackground(t)
	called := false
	p := newProfileForm(ws, win, bg, model.Officer{}, func(model.Officer) { called = true })
	win.SetContent(p.content)

	test.Type(p.name, "Begoña Ibáñez Ruiz")
	test.Type(p.agency, "SVA")
	test.Type(p.prefix, "9X")
	test.Type(p.country, "Atlantis")
	test.Tap(p.save)
	bg.wait()

	if msg := p.errs.message("case-ref prefix"); !strings.Contains(msg, "should be 2 to 8 capital letters") {
		t.Errorf("prefix message = %q", msg)
	}
	if msg := p.errs.message("country"); !strings.Contains(msg, "Atlantis") {
		t.Errorf("country message = %q", msg)
	}
	if msg := p.errs.message("officer name"); msg != "" {
		t.Errorf("name has a message although it is valid: %q", msg)
	}
	if called {
		t.Error("onSaved was called for a refused profile")
	}
	if o, _ := ws.Officer(context.Background()); o.IsSet() {
		t.Errorf("a refused profile was stored: %+v", o)
	}
	if markup := test.RenderToMarkup(win.Canvas()); !strings.Contains(markup, "should be 2 to 8 capital letters") {
		t.Error("the prefix message is not on the screen")
	}

	// Corrected, the same form saves and the messages go.
	p.prefix.SetText("ESA")
	p.country.SetText("Spain (ES)")
	test.Tap(p.save)
	bg.wait()
	if !called {
		t.Fatalf("the corrected profile was not saved; prefix message %q", p.errs.message("case-ref prefix"))
	}
	if msg := p.errs.message("case-ref prefix"); msg != "" {
		t.Errorf("message left after saving: %q", msg)
	}
}
