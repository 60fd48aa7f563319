package model

import (
	"strings"
	"time"
	_ "time/tzdata" // the zones travel with Bollard: a laptop without them (Windows) reads the same times
)

// ZoneOfPlace is the time zone of a place named by its UN/LOCODE or its
// country (ISO 3166 alpha-2), for a time written without one: "23:30" on
// a seizure at Algeciras (ESALG) is 23:30 in Madrid, whichever computer
// reads the spreadsheet. The port's own zone comes first, for the
// countries that span several; then the country's, for those with one
// (or one for nearly all its ports). ok is false when neither is known:
// the caller keeps the officer's own zone.
func ZoneOfPlace(locode, country string) (loc *time.Location, ok bool) {
	code := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(locode), " ", ""))
	name, ok := portZones[code]
	if !ok {
		c := strings.ToUpper(strings.TrimSpace(country))
		if c == "" && len(code) == 5 {
			c = code[:2]
		}
		name, ok = countryZones[c]
	}
	if !ok {
		return nil, false
	}
	loc, err := time.LoadLocation(name)
	return loc, err == nil
}

// portZones are the ports and airports whose zone is not their country's
// alone: those of countries across several zones, and islands.
var portZones = map[string]string{
	"ESLPA": "Atlantic/Canary", "ESSCT": "Atlantic/Canary", "ESACE": "Atlantic/Canary", "ESTFN": "Atlantic/Canary",
	"PTPDL": "Atlantic/Azores", "PTPRG": "Atlantic/Azores",
	"BRSSZ": "America/Sao_Paulo", "BRRIO": "America/Sao_Paulo", "BRGIG": "America/Sao_Paulo", "BRPNG": "America/Sao_Paulo",
	"BRITJ": "America/Sao_Paulo", "BRNVT": "America/Sao_Paulo", "BRGRU": "America/Sao_Paulo", "BRVCP": "America/Sao_Paulo",
	"BRSAO": "America/Sao_Paulo", "BRSSA": "America/Bahia", "BRFOR": "America/Fortaleza", "BRPEC": "America/Recife",
	"BRREC": "America/Recife", "BRBEL": "America/Belem", "BRMAO": "America/Manaus", "BRVIX": "America/Sao_Paulo",
	"USMIA": "America/New_York", "USNYC": "America/New_York", "USJFK": "America/New_York", "USEWR": "America/New_York",
	"USSAV": "America/New_York", "USORF": "America/New_York", "USBAL": "America/New_York", "USPHL": "America/New_York",
	"USBOS": "America/New_York", "USCHS": "America/New_York", "USJAX": "America/New_York", "USPEF": "America/New_York",
	"USHOU": "America/Chicago", "USMSY": "America/Chicago", "USORD": "America/Chicago", "USCHI": "America/Chicago",
	"USLAX": "America/Los_Angeles", "USLGB": "America/Los_Angeles", "USOAK": "America/Los_Angeles",
	"USSEA": "America/Los_Angeles", "USSFO": "America/Los_Angeles", "USSAN": "America/Los_Angeles",
	"CAMTR": "America/Toronto", "CATOR": "America/Toronto", "CAYYZ": "America/Toronto", "CAHAL": "America/Halifax",
	"CAVAN": "America/Vancouver", "CAPRR": "America/Vancouver", "CAYVR": "America/Vancouver",
	"MXZLO": "America/Mexico_City", "MXVER": "America/Mexico_City", "MXLZC": "America/Mexico_City",
	"MXMEX": "America/Mexico_City", "MXATM": "America/Mexico_City", "MXESE": "America/Tijuana", "MXTIJ": "America/Tijuana",
	"AUSYD": "Australia/Sydney", "AUMEL": "Australia/Melbourne", "AUBNE": "Australia/Brisbane", "AUFRE": "Australia/Perth",
	"ECGPS": "Pacific/Galapagos",
}

// countryZones are the countries with one zone, or one for all but remote
// islands (whose ports are in portZones).
var countryZones = map[string]string{
	"ES": "Europe/Madrid", "PT": "Europe/Lisbon", "FR": "Europe/Paris", "BE": "Europe/Brussels", "NL": "Europe/Amsterdam",
	"DE": "Europe/Berlin", "IT": "Europe/Rome", "GB": "Europe/London", "IE": "Europe/Dublin", "PL": "Europe/Warsaw",
	"GR": "Europe/Athens", "HU": "Europe/Budapest", "SE": "Europe/Stockholm", "DK": "Europe/Copenhagen",
	"FI": "Europe/Helsinki", "AT": "Europe/Vienna", "CH": "Europe/Zurich", "CZ": "Europe/Prague", "RO": "Europe/Bucharest",
	"BG": "Europe/Sofia", "HR": "Europe/Zagreb", "SI": "Europe/Ljubljana", "SK": "Europe/Bratislava", "LT": "Europe/Vilnius",
	"LV": "Europe/Riga", "EE": "Europe/Tallinn", "MT": "Europe/Malta", "CY": "Asia/Nicosia", "LU": "Europe/Luxembourg",
	"NO": "Europe/Oslo", "IS": "Atlantic/Reykjavik", "TR": "Europe/Istanbul", "AL": "Europe/Tirane", "ME": "Europe/Podgorica",
	"RS": "Europe/Belgrade", "UA": "Europe/Kyiv", "MA": "Africa/Casablanca",
	"CO": "America/Bogota", "EC": "America/Guayaquil", "PE": "America/Lima", "PA": "America/Panama",
	"CR": "America/Costa_Rica", "DO": "America/Santo_Domingo", "JM": "America/Jamaica", "VE": "America/Caracas",
	"UY": "America/Montevideo", "PY": "America/Asuncion", "CL": "America/Santiago", "AR": "America/Argentina/Buenos_Aires",
	"GT": "America/Guatemala", "HN": "America/Tegucigalpa", "SV": "America/El_Salvador", "NI": "America/Managua",
	"CU": "America/Havana", "HT": "America/Port-au-Prince", "TT": "America/Port_of_Spain", "BS": "America/Nassau",
	"GY": "America/Guyana", "SR": "America/Paramaribo", "BZ": "America/Belize", "BO": "America/La_Paz",
	"BB": "America/Barbados", "CW": "America/Curacao", "AW": "America/Aruba", "PR": "America/Puerto_Rico",
	"NZ": "Pacific/Auckland", "CN": "Asia/Shanghai", "IN": "Asia/Kolkata", "HK": "Asia/Hong_Kong", "SG": "Asia/Singapore",
	"JP": "Asia/Tokyo", "KR": "Asia/Seoul", "AE": "Asia/Dubai", "MY": "Asia/Kuala_Lumpur", "TH": "Asia/Bangkok",
	"VN": "Asia/Ho_Chi_Minh", "PK": "Asia/Karachi", "IL": "Asia/Jerusalem", "EG": "Africa/Cairo", "ZA": "Africa/Johannesburg",
	"NG": "Africa/Lagos", "GH": "Africa/Accra", "SN": "Africa/Dakar", "CI": "Africa/Abidjan", "TG": "Africa/Lome",
	"BJ": "Africa/Porto-Novo", "CM": "Africa/Douala", "KE": "Africa/Nairobi", "TZ": "Africa/Dar_es_Salaam",
	"LK": "Asia/Colombo", "BD": "Asia/Dhaka", "PH": "Asia/Manila", "TW": "Asia/Taipei", "SA": "Asia/Riyadh",
	"QA": "Asia/Qatar", "OM": "Asia/Muscat", "IR": "Asia/Tehran", "LB": "Asia/Beirut", "JO": "Asia/Amman",
}
