-- The first schema of a Bollard workspace.
--
-- Every record has a UUID (stable across laptops and agencies), created and
-- updated time and author, and the workspace it was first created in.
-- Times are UTC text, fixed width (2006-01-02T15:04:05.000000Z), so that
-- they sort as text; calendar days are 'YYYY-MM-DD' or '' when unset.
-- Lists (threat types, aliases, container numbers...) are JSON arrays.

CREATE TABLE workspace (
    id              TEXT PRIMARY KEY,
    singleton       INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
    created_at      TEXT NOT NULL,
    officer_name    TEXT NOT NULL DEFAULT '',
    officer_agency  TEXT NOT NULL DEFAULT '',
    officer_country TEXT NOT NULL DEFAULT '',
    ref_prefix      TEXT NOT NULL DEFAULT '',
    default_marking TEXT NOT NULL DEFAULT '',
    language        TEXT NOT NULL DEFAULT 'en'
);

CREATE TABLE cases (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    -- Refs are compared without regard to case: ESA-2026-0001 and
    -- esa-2026-0001 are the same case.
    ref               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- The parts of a ref this workspace generated (NULL for an imported ref
    -- of another shape), so the next number is found without parsing text.
    ref_prefix        TEXT,
    ref_year          INTEGER,
    ref_seq           INTEGER,
    title             TEXT NOT NULL,
    operation_name    TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL,
    priority          TEXT NOT NULL,
    corridor          TEXT NOT NULL,
    threat_types      TEXT NOT NULL DEFAULT '[]',
    handling_marking  TEXT NOT NULL,
    lead_agency       TEXT NOT NULL DEFAULT '',
    partner_agencies  TEXT NOT NULL DEFAULT '[]',
    lead_officer      TEXT NOT NULL DEFAULT '',
    summary           TEXT NOT NULL DEFAULT '',
    opened_on         TEXT NOT NULL DEFAULT '',
    closed_on         TEXT NOT NULL DEFAULT '',
    -- What the status was before the case was archived, so that restoring
    -- it puts it back where it was.
    status_before_archive TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX cases_ref_number ON cases (ref_prefix, ref_year, ref_seq) WHERE ref_seq IS NOT NULL;
CREATE INDEX cases_updated ON cases (updated_at);

CREATE TABLE seizures (
    id                    TEXT PRIMARY KEY,
    created_at            TEXT NOT NULL,
    created_by_name       TEXT NOT NULL,
    created_by_agency     TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    updated_by_name       TEXT NOT NULL,
    updated_by_agency     TEXT NOT NULL,
    workspace_id          TEXT NOT NULL,
    case_id               TEXT NOT NULL REFERENCES cases (id),
    ref                   TEXT NOT NULL COLLATE NOCASE,
    seq                   INTEGER,
    seized_at             TEXT NOT NULL,
    place_name            TEXT NOT NULL,
    locode                TEXT NOT NULL DEFAULT '',
    country               TEXT NOT NULL DEFAULT '',
    commodity_category    TEXT NOT NULL,
    commodity_description TEXT NOT NULL,
    hs_code               TEXT NOT NULL DEFAULT '',
    quantity              REAL NOT NULL,
    unit                  TEXT NOT NULL,
    estimated_value       REAL NOT NULL DEFAULT 0,
    currency              TEXT NOT NULL DEFAULT '',
    transport_mode        TEXT NOT NULL,
    concealment           TEXT NOT NULL DEFAULT '',
    detection_method      TEXT NOT NULL DEFAULT '',
    container_numbers     TEXT NOT NULL DEFAULT '[]',
    seal_numbers          TEXT NOT NULL DEFAULT '[]',
    transport_document    TEXT NOT NULL DEFAULT '',
    origin_country        TEXT NOT NULL DEFAULT '',
    transit_countries     TEXT NOT NULL DEFAULT '[]',
    destination_country   TEXT NOT NULL DEFAULT '',
    notes                 TEXT NOT NULL DEFAULT '',
    UNIQUE (case_id, ref)
);
CREATE INDEX seizures_case ON seizures (case_id, seized_at);

CREATE TABLE entities (
    id                  TEXT PRIMARY KEY,
    created_at          TEXT NOT NULL,
    created_by_name     TEXT NOT NULL,
    created_by_agency   TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by_name     TEXT NOT NULL,
    updated_by_agency   TEXT NOT NULL,
    workspace_id        TEXT NOT NULL,
    kind                TEXT NOT NULL,
    name                TEXT NOT NULL,
    aliases             TEXT NOT NULL DEFAULT '[]',
    country             TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    birth_date          TEXT NOT NULL DEFAULT '',
    nationality         TEXT NOT NULL DEFAULT '',
    document_number     TEXT NOT NULL DEFAULT '',
    registration_number TEXT NOT NULL DEFAULT '',
    vat_number          TEXT NOT NULL DEFAULT '',
    eori                TEXT NOT NULL DEFAULT '',
    lei                 TEXT NOT NULL DEFAULT '',
    imo                 TEXT NOT NULL DEFAULT '',
    mmsi                TEXT NOT NULL DEFAULT '',
    call_sign           TEXT NOT NULL DEFAULT '',
    flag                TEXT NOT NULL DEFAULT '',
    container_number    TEXT NOT NULL DEFAULT '',
    plate               TEXT NOT NULL DEFAULT '',
    vin                 TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    iban                TEXT NOT NULL DEFAULT '',
    wallet_address      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_kind_name ON entities (kind, name);
-- The identifiers that name one thing in the world, to find the entity an
-- imported record is about (see EntityByIdentifier).
CREATE INDEX entities_imo ON entities (imo) WHERE imo <> '';
CREATE INDEX entities_container ON entities (container_number) WHERE container_number <> '';
CREATE INDEX entities_iban ON entities (iban) WHERE iban <> '';
CREATE INDEX entities_vin ON entities (vin) WHERE vin <> '';
CREATE INDEX entities_lei ON entities (lei) WHERE lei <> '';

CREATE TABLE case_links (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    case_id           TEXT NOT NULL REFERENCES cases (id),
    entity_id         TEXT NOT NULL REFERENCES entities (id),
    role              TEXT NOT NULL,
    note              TEXT NOT NULL DEFAULT '',
    UNIQUE (case_id, entity_id, role)
);
CREATE INDEX case_links_entity ON case_links (entity_id);

CREATE TABLE relations (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    from_id           TEXT NOT NULL REFERENCES entities (id),
    to_id             TEXT NOT NULL REFERENCES entities (id),
    type              TEXT NOT NULL,
    since             TEXT NOT NULL DEFAULT '',
    until             TEXT NOT NULL DEFAULT '',
    source            TEXT NOT NULL DEFAULT '',
    reliability       TEXT NOT NULL,
    credibility       TEXT NOT NULL,
    note              TEXT NOT NULL DEFAULT '',
    CHECK (from_id <> to_id)
);
CREATE INDEX relations_from ON relations (from_id);
CREATE INDEX relations_to ON relations (to_id);

CREATE TABLE timeline_events (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    case_id           TEXT NOT NULL REFERENCES cases (id),
    at                TEXT NOT NULL,
    title             TEXT NOT NULL,
    place             TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX timeline_events_case ON timeline_events (case_id, at);

CREATE TABLE tasks (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    case_id           TEXT NOT NULL REFERENCES cases (id),
    kind              TEXT NOT NULL,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    assigned_to       TEXT NOT NULL DEFAULT '',
    partner_agency    TEXT NOT NULL DEFAULT '',
    legal_basis       TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL,
    sent_on           TEXT NOT NULL DEFAULT '',
    due_on            TEXT NOT NULL DEFAULT '',
    answered_on       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tasks_case ON tasks (case_id);

CREATE TABLE notes (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    case_id           TEXT NOT NULL REFERENCES cases (id),
    body              TEXT NOT NULL
);
CREATE INDEX notes_case ON notes (case_id, created_at);

-- Notes are only ever added: what was written when stays as it was written.
CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
BEGIN
    SELECT RAISE(ABORT, 'notes are append-only');
END;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
BEGIN
    SELECT RAISE(ABORT, 'notes are append-only');
END;

-- Nothing is destroyed by a click: a case is archived, never deleted.
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
BEGIN
    SELECT RAISE(ABORT, 'cases are archived, never deleted');
END;
