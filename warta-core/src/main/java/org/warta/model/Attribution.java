package org.warta.model;

/** Who says so: the source a mention is attributed to, and the cue that says it ("mengatakan", "kata"). */
public record Attribution(String text, String code, String sector, String name, String cue) {
    public static Attribution of(Actor a, String cue) {
        return new Attribution(a.text(), a.code(), a.sector(), a.name(), cue);
    }

    public Actor actor() {
        return new Actor(text, code, sector, name, null);
    }
}
