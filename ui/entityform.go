package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// entityEditor is what editing an entity needs of a workspace.
type entityEditor interface {
	UpdateEntity(ctx context.Context, e model.Entity) (model.Entity, error)
}

var entityFormKinds = newChoices(model.EntityKinds, func(k model.EntityKind) string { return capitalize(k.Label()) })

// entityFields are the fields of an entity: what every kind has (name,
// aliases, country, notes) and the identifiers of the kind chosen, the
// others hidden. The link form uses them to create an entity in place, and
// the entity view to edit one.
type entityFields struct {
	base  model.Entity // the entity as stored: what the form does not show is kept
	guard *formGuard

	kind                                *widget.Select
	name, aliases, notes                *savingEntry
	country, nationality, flag          *widget.SelectEntry
	birth, document                     *savingEntry
	registration, vat, eori, lei        *savingEntry
	imo, mmsi, callSign                 *savingEntry
	containerNo, plate, vin             *savingEntry
	phone, email, iban, wallet          *savingEntry
	identifiers                         map[model.EntityKind]*widget.Form
	nameHint                            *widget.Label
	kindForm, common, identifiersHolder *fyne.Container
	content                             fyne.CanvasObject
}

// newEntityFields builds the fields; with kindFixed the kind is shown but
// cannot be changed (an entity keeps its kind once recorded).
func newEntityFields(errs *fieldErrors, g *formGuard, kindFixed bool) *entityFields {
	f := &entityFields{guard: g, identifiers: map[model.EntityKind]*widget.Form{}}
	f.kind = g.choice(entityFormKinds.labels, "kind")
	f.kind.PlaceHolder = "Choose what it is"
	f.kind.OnChanged = func(string) {
		f.showKind()
		g.touch("kind")
	}
	if kindFixed {
		f.kind.Disable()
	}
	f.name = g.entry(false, "name")
	f.aliases = g.entry(false, "aliases")
	f.aliases.SetPlaceHolder("Optional: other names, separated by commas")
	f.country = g.countryEntry("country")
	f.notes = g.entry(true, "notes")
	f.notes.SetMinRowsVisible(2)
	f.notes.SetPlaceHolder("Optional")
	f.nameHint = &widget.Label{Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	f.nameHint.Hide()

	f.birth = g.entry(false, "birth date")
	f.birth.SetPlaceHolder("YYYY-MM-DD or DD/MM/YYYY")
	f.nationality = g.countryEntry("nationality")
	f.document = g.entry(false, "document number")
	f.document.SetPlaceHolder("ID card or passport number")
	f.registration = g.entry(false, "registration number")
	f.registration.SetPlaceHolder("Company register number")
	f.vat = g.entry(false, "VAT number")
	f.vat.SetPlaceHolder("e.g. ESB12345678")
	f.eori = g.entry(false, "EORI")
	f.eori.SetPlaceHolder("e.g. ESB12345678")
	f.lei = g.entry(false, "LEI")
	f.lei.SetPlaceHolder("20 characters, e.g. 5493001KJTIIGC8Y1R12")
	f.imo = g.entry(false, "IMO number")
	f.imo.SetPlaceHolder("7 digits, e.g. IMO 9074729")
	f.mmsi = g.entry(false, "MMSI")
	f.mmsi.SetPlaceHolder("9 digits")
	f.callSign = g.entry(false, "call sign")
	f.flag = g.countryEntry("flag")
	f.containerNo = g.entry(false, "container number")
	f.containerNo.SetPlaceHolder("ISO 6346, e.g. MSCU1234566")
	f.plate = g.entry(false, "plate")
	f.vin = g.entry(false, "VIN")
	f.vin.SetPlaceHolder("17 characters")
	f.phone = g.entry(false, "phone number")
	f.phone.SetPlaceHolder("International form, e.g. +34 600 123 456")
	f.email = g.entry(false, "e-mail address")
	f.iban = g.entry(false, "IBAN")
	f.iban.SetPlaceHolder("e.g. ES91 2100 0418 4502 0005 1332")
	f.wallet = g.entry(false, "wallet address")

	item := func(label string, input fyne.CanvasObject, names ...string) *widget.FormItem {
		return widget.NewFormItem(label, errs.field(input, names...))
	}
	f.identifiers[model.KindPerson] = widget.NewForm(item("Born", f.birth, "birth date"),
		item("Nationality", f.nationality, "nationality"), item("ID or passport no.", f.document, "document number"))
	f.identifiers[model.KindOrganisation] = widget.NewForm(item("Registration no.", f.registration, "registration number"),
		item("VAT number", f.vat, "VAT number"), item("EORI", f.eori, "EORI"), item("LEI", f.lei, "LEI"))
	f.identifiers[model.KindVessel] = widget.NewForm(item("IMO number", f.imo, "IMO number"), item("MMSI", f.mmsi, "MMSI"),
		item("Call sign", f.callSign, "call sign"), item("Flag", f.flag, "flag"))
	f.identifiers[model.KindContainer] = widget.NewForm(item("Container no.", f.containerNo, "container number"))
	f.identifiers[model.KindVehicle] = widget.NewForm(item("Plate", f.plate, "plate"), item("VIN", f.vin, "VIN"))
	f.identifiers[model.KindPhone] = widget.NewForm(item("Phone number", f.phone, "phone number"))
	f.identifiers[model.KindEmail] = widget.NewForm(item("E-mail address", f.email, "e-mail address"))
	f.identifiers[model.KindBankAccount] = widget.NewForm(item("IBAN", f.iban, "IBAN"))
	f.identifiers[model.KindWallet] = widget.NewForm(item("Wallet address", f.wallet, "wallet address"))

	f.kindForm = container.NewVBox(widget.NewForm(widget.NewFormItem("Kind", errs.choice(f.kind, "kind"))))
	common := widget.NewForm(
		widget.NewFormItem("Name", container.NewVBox(errs.field(f.name, "name"), f.nameHint)),
		item("Also known as", f.aliases, "aliases"),
		item("Country", f.country, "country"),
	)
	f.identifiersHolder = container.NewVBox()
	f.common = container.NewVBox(common, f.identifiersHolder, widget.NewForm(item("Notes", f.notes, "notes")))
	f.content = container.NewVBox(f.kindForm, f.common)
	f.showKind()
	return f
}

// countryEntry is a country picker whose changes are judged as field names.
func (g *formGuard) countryEntry(names ...string) *widget.SelectEntry {
	e := newCountryEntry()
	e.OnChanged = func(string) { g.touch(names...) }
	return e
}

// showKind shows the identifiers of the kind chosen, and what the name
// means for it.
func (f *entityFields) showKind() {
	k := entityFormKinds.value(f.kind.Selected)
	f.identifiersHolder.RemoveAll()
	if form, ok := f.identifiers[k]; ok {
		f.identifiersHolder.Add(form)
	}
	hint, place := "", "The name by which the officer knows it"
	switch k {
	case model.KindPerson:
		place = "Family names, given names, e.g. MUÑOZ ROJAS, Andrés"
	case model.KindOrganisation:
		place = "Registered name, e.g. Muñoz Rojas Trading S.L."
	case model.KindVessel:
		place = "e.g. MSC AURORA"
	case model.KindAddress:
		place = "The full address, e.g. Calle del Puerto 14, 11201 Algeciras"
	case model.KindContainer, model.KindPhone, model.KindEmail, model.KindWallet:
		hint = "Optional: taken from the number below when left empty."
		place = "Optional"
	case model.KindBankAccount:
		hint = "Optional: the account is named by its IBAN when left empty."
		place = "e.g. the holder and bank"
	}
	f.name.SetPlaceHolder(place)
	f.nameHint.SetText(hint)
	if hint == "" {
		f.nameHint.Hide()
	} else {
		f.nameHint.Show()
	}
	f.identifiersHolder.Refresh()
}

// set fills the fields with e.
func (f *entityFields) set(e model.Entity) {
	f.base = e
	f.guard.quiet(func() {
		f.kind.SetSelected(entityFormKinds.label(e.Kind))
		f.name.SetText(e.Name)
		f.aliases.SetText(strings.Join(e.Aliases, ", "))
		f.country.SetText(countryText(e.Country))
		f.notes.SetText(e.Notes)
		id := e.Identifiers
		f.birth.SetText(id.BirthDate.String())
		f.nationality.SetText(countryText(id.Nationality))
		f.document.SetText(id.DocumentNumber)
		f.registration.SetText(id.RegistrationNumber)
		f.vat.SetText(id.VATNumber)
		f.eori.SetText(id.EORI)
		f.lei.SetText(id.LEI)
		f.imo.SetText(id.IMO)
		f.mmsi.SetText(id.MMSI)
		f.callSign.SetText(id.CallSign)
		f.flag.SetText(countryText(id.Flag))
		f.containerNo.SetText(id.ContainerNumber)
		f.plate.SetText(id.Plate)
		f.vin.SetText(id.VIN)
		f.phone.SetText(id.Phone)
		f.email.SetText(id.Email)
		f.iban.SetText(id.IBAN)
		f.wallet.SetText(id.WalletAddress)
	})
	f.showKind()
}

// entity is the entity as typed. Only the identifiers of the kind chosen
// are read from the form; the others are kept as stored.
func (f *entityFields) entity() (model.Entity, error) {
	e := f.base
	e.Kind = entityFormKinds.value(f.kind.Selected)
	e.Name = f.name.Text
	e.Aliases = strings.Split(f.aliases.Text, ",")
	e.Country = countryCode(f.country.Text)
	e.Notes = strings.TrimSpace(f.notes.Text)
	id := &e.Identifiers
	var bad []*model.FieldError
	switch e.Kind {
	case model.KindPerson:
		id.BirthDate = readDate("birth date", f.birth.Text, &bad)
		id.Nationality = countryCode(f.nationality.Text)
		id.DocumentNumber = f.document.Text
	case model.KindOrganisation:
		id.RegistrationNumber, id.VATNumber, id.EORI, id.LEI = f.registration.Text, f.vat.Text, f.eori.Text, f.lei.Text
	case model.KindVessel:
		id.IMO, id.MMSI, id.CallSign, id.Flag = f.imo.Text, f.mmsi.Text, f.callSign.Text, countryCode(f.flag.Text)
	case model.KindContainer:
		id.ContainerNumber = f.containerNo.Text
	case model.KindVehicle:
		id.Plate, id.VIN = f.plate.Text, f.vin.Text
	case model.KindPhone:
		id.Phone = f.phone.Text
	case model.KindEmail:
		id.Email = f.email.Text
	case model.KindBankAccount:
		id.IBAN = f.iban.Text
	case model.KindWallet:
		id.WalletAddress = f.wallet.Text
	}
	return e, fieldErrorsOf(bad)
}

// check judges the entity as typed, as the workspace will.
func (f *entityFields) check() error {
	e, err := f.entity()
	return mergeErrors(err, e.Validate(time.Now()))
}

// typed is the fields' content, to tell whether the officer changed them.
func (f *entityFields) typed() string {
	var parts []string
	for _, e := range []*savingEntry{f.name, f.aliases, f.notes, f.birth, f.document, f.registration, f.vat, f.eori, f.lei,
		f.imo, f.mmsi, f.callSign, f.containerNo, f.plate, f.vin, f.phone, f.email, f.iban, f.wallet} {
		parts = append(parts, e.Text)
	}
	return strings.Join(append(parts, f.kind.Selected, f.country.Text, f.nationality.Text, f.flag.Text), "\x00")
}

// entityEditForm is the dialog that edits an entity from its view.
type entityEditForm struct {
	store   entityEditor
	win     fyne.Window
	bg      *background
	onSaved func(model.Entity)

	fields *entityFields
	errs   *fieldErrors
	guard  *formGuard
}

func newEntityEditForm(store entityEditor, win fyne.Window, bg *background, e model.Entity, onSaved func(model.Entity)) *entityEditForm {
	f := &entityEditForm{store: store, win: win, bg: bg, onSaved: onSaved, errs: newFieldErrors()}
	f.guard = newFormGuard(win, f.errs, "Save changes", func() error { return f.fields.check() }, func() string { return f.fields.typed() }, f.onSave)
	f.fields = newEntityFields(f.errs, f.guard, true)
	f.fields.set(e)
	f.guard.build("Edit "+e.Kind.Label()+" "+e.Name, container.NewVScroll(container.NewVBox(f.fields.content, f.errs.general)),
		fyne.NewSize(760, 520), f.fields.name)
	return f
}

func (f *entityEditForm) show() { f.guard.show() }

func (f *entityEditForm) onSave() {
	e, err := f.fields.entity()
	if err != nil {
		f.guard.refused(err)
		return
	}
	saveInBackground(f.guard, f.bg, "save "+e.Name, func(ctx context.Context) (model.Entity, error) {
		return f.store.UpdateEntity(ctx, e)
	}, f.onSaved)
}
