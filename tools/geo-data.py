#!/usr/bin/env python3
"""Builds Warta's place gazetteer (warta-core/src/main/resources/warta/geo/) from public snapshots.

Usage: tools/geo-data.py CITIES15000.txt ADMIN1CODESASCII.txt PROVINCES.csv REGENCIES.csv OUTDIR

Inputs (see warta/geo/SOURCES.md for the exact repositories, paths and commits):
  GeoNames cities15000.txt and admin1CodesASCII.txt (CC BY 4.0, geonames.org),
  emsifa/api-wilayah-indonesia data/provinces.csv and data/regencies.csv (MIT; Kemendagri codes).
Only the columns Warta reads are kept, so the files stay small.
"""
import csv, sys, unicodedata

cities_in, admin1_in, prov_in, reg_in, out = sys.argv[1:6]

# BPS province code -> GeoNames admin1 code of Indonesia (names differ: the one is Indonesian, the other English)
PROV = {"11": "01", "12": "26", "13": "24", "14": "37", "15": "05", "16": "32", "17": "03", "18": "15",
        "19": "35", "21": "40", "31": "04", "32": "30", "33": "07", "34": "10", "35": "08", "36": "33",
        "51": "02", "52": "17", "53": "18", "61": "11", "62": "13", "63": "12", "64": "14", "65": "42",
        "71": "31", "72": "21", "73": "38", "74": "22", "75": "34", "76": "41", "81": "28", "82": "29",
        "91": "39", "94": "36"}
KEEP_UPPER = {"DKI", "DI"}

def title(s):
    return " ".join(w if w in KEEP_UPPER else w.capitalize() for w in s.split())

def ascii_of(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()

def clean(s):
    return s.replace("\t", " ").strip()

prov_names = {}
with open(prov_in, encoding="utf-8") as f:
    for code, name in csv.reader(f):
        prov_names[code] = title(name)

with open(admin1_in, encoding="utf-8") as f, open(f"{out}/admin1.tsv", "w", encoding="utf-8") as o:
    o.write("# First-level divisions of every country: GeoNames admin1CodesASCII (CC BY 4.0), trimmed; see SOURCES.md.\n")
    o.write("# Columns: code (ISO 3166-1 alpha-2 country . GeoNames admin1 code), name, ascii, aliases (Indonesian\n")
    o.write("#   names of Indonesia's provinces from Kemendagri via emsifa/api-wilayah-indonesia, | between items).\n")
    o.write("code\tname\tascii\taliases\n")
    aliases = {}
    for bps, g in PROV.items():
        n = prov_names[bps]
        al = [n]
        if n.startswith("DKI "): al.append(n[4:])
        if n.startswith("DI "): al += ["Daerah Istimewa " + n[3:], n[3:]]
        if n.startswith("Kepulauan "): al.append(n[len("Kepulauan "):])
        aliases["ID." + g] = al
    for row in csv.reader(f, delimiter="\t"):
        code, name, asc = row[0], clean(row[1]), clean(row[2])
        al = [a for a in aliases.get(code, []) if a.lower() not in (name.lower(), asc.lower())]
        o.write(f"{code}\t{name}\t{asc}\t{'|'.join(al) or '-'}\n")

with open(cities_in, encoding="utf-8") as f, open(f"{out}/cities.tsv", "w", encoding="utf-8") as o:
    o.write("# Cities of 15,000 people or more: GeoNames cities15000 (CC BY 4.0), trimmed; see SOURCES.md.\n")
    o.write("# Columns: name, ascii, country (ISO 3166-1 alpha-2), admin1 (GeoNames admin1 code, - if none),\n")
    o.write("#   lat, lon (WGS84 degrees), population, kind (capital: the national capital; seat: seat of a first-level\n")
    o.write("#   division; - other).\n")
    o.write("name\tascii\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\n")
    rows = []
    for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) < 15: continue
        name, asc, lat, lon, fcode, cc, a1, pop = clean(row[1]), clean(row[2]), row[4], row[5], row[7], row[8], row[10], row[14]
        if fcode in ("PPLX", "PPLH"): continue  # sections of a city and historical places
        rows.append((name, asc or ascii_of(name), cc, a1 or "-", f"{float(lat):.4f}", f"{float(lon):.4f}", int(pop or 0),
                     {"PPLC": "capital", "PPLA": "seat"}.get(fcode, "-")))
    rows.sort(key=lambda r: (r[2], -r[6], r[0]))
    for r in rows:
        o.write("\t".join(map(str, r)) + "\n")

with open(reg_in, encoding="utf-8") as f, open(f"{out}/id-regions.tsv", "w", encoding="utf-8") as o:
    o.write("# Indonesia's kabupaten (regencies) and kota (cities): Kemendagri codes via emsifa/api-wilayah-indonesia\n")
    o.write("#   (MIT), see SOURCES.md. Columns: code (Kemendagri), kind (kabupaten, kota), name (without the kind),\n")
    o.write("#   admin1 (GeoNames admin1 code of the province, in admin1.tsv as ID.<admin1>).\n")
    o.write("code\tkind\tname\tadmin1\n")
    for code, prov, name in csv.reader(f):
        kind = "kota" if name.startswith("KOTA ") else "kabupaten"
        bare = name.split(" ", 1)[1] if name.startswith(("KOTA ", "KABUPATEN ")) else name
        o.write(f"{code}\t{kind}\t{title(bare)}\t{PROV[prov]}\n")
