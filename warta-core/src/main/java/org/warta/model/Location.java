package org.warta.model;

/**
 * Where an event happened, resolved against the place gazetteer.
 *
 * @param text the place as written ("Rusia", "Kabupaten Bogor")
 * @param country PLOVER country code (ISO 3166-1 alpha-3), or null when unknown
 * @param resolution "country", "admin1" (a state or province), "admin2" (an Indonesian kabupaten or kota),
 *     "city" or "place" (a building, site or institution)
 * @param name the gazetteer's name of the place ("Washington, D.C."), or null
 * @param admin1 the first-level division: its GeoNames code ("ID.04") or null
 * @param admin1Name the first-level division's name ("Jakarta") or null
 * @param lat latitude (WGS84 degrees) or null
 * @param lon longitude (WGS84 degrees) or null
 */
public record Location(String text, String country, String resolution, String name, String admin1, String admin1Name,
                       Double lat, Double lon) {

    /** A location known only by its text, country and resolution. */
    public Location(String text, String country, String resolution) {
        this(text, country, resolution, null, null, null, null, null);
    }

    /** The same place, as written differently. */
    public Location withText(String newText) {
        return new Location(newText, country, resolution, name, admin1, admin1Name, lat, lon);
    }
}
