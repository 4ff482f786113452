package org.warta.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.TestPipelines;
import org.warta.model.Actor;
import org.warta.model.Event;
import org.warta.model.Modality;

class EventCoderTest {
    private static List<Event> events(String body) {
        return TestPipelines.code("Judul", body).events();
    }

    private static List<String> codes(List<Actor> as) {
        return as.stream().map(Actor::code).toList();
    }

    private static Event only(List<Event> es, String type) {
        List<Event> l = es.stream().filter(e -> e.type().equals(type)).toList();
        assertThat(l).as("events of type " + type + " in " + es).hasSize(1);
        return l.get(0);
    }

    @Test
    void activeVoiceActorBeforeRecipientAfter() {
        Event e = only(events("Pasukan Jepang menyerang tentara Filipina di perbatasan."), "ASSAULT");
        assertThat(codes(e.actor())).containsExactly("JPN");
        assertThat(codes(e.recipient())).containsExactly("PHL");
        assertThat(e.modality()).isEqualTo(Modality.ASSERTED);
    }

    @Test
    void passiveVoiceSwapsRoles() {
        Event e = only(events("Tentara Filipina diserang oleh pasukan Jepang."), "ASSAULT");
        assertThat(codes(e.actor())).containsExactly("JPN");
        assertThat(codes(e.recipient())).containsExactly("PHL");
    }

    @Test
    void coordinatedActorsAreAllKept() {
        Event e = only(events("Jepang dan Australia mendesak Tiongkok menghentikan latihan itu."), "REQUEST");
        assertThat(codes(e.actor())).containsExactlyInAnyOrder("JPN", "AUS");
        assertThat(codes(e.recipient())).containsExactly("CHN");
    }

    @Test
    void deploymentKeepsLocationAndTroopSize() {
        Event e = only(events("Sebanyak 2.000 tentara Jepang dikerahkan ke Filipina."), "MOBILIZE");
        assertThat(codes(e.actor())).containsExactly("JPN");
        assertThat(e.location().country()).isEqualTo("PHL");
        assertThat(e.size()).containsEntry("troops", 2000L);
        assertThat(e.mode()).isEqualTo("troops");
    }

    @Test
    void modalityCues() {
        assertThat(only(events("Jepang akan menyerang Filipina."), "ASSAULT").modality()).isEqualTo(Modality.FUTURE);
        assertThat(only(events("Jepang diperkirakan akan menyerang Filipina."), "ASSAULT").modality()).isEqualTo(Modality.HYPOTHETICAL);
        assertThat(only(events("Jepang tidak menyerang Filipina."), "ASSAULT").modality()).isEqualTo(Modality.NEGATED);
    }

    @Test
    void aMarkedDateTwoYearsBackMakesTheActHistorical() {
        // the reference year is the processing date's (TestPipelines.AS_OF, 2026): the texts carry no date
        assertThat(only(events("Jepang menyerang Filipina pada tahun 2015."), "ASSAULT").modality()).isEqualTo(Modality.HISTORICAL);
        assertThat(only(events("Jepang menyerang Filipina 20 tahun lalu."), "ASSAULT").modality()).isEqualTo(Modality.HISTORICAL);
    }

    @Test
    void datesThatDoNotPlaceTheActLeaveItAsserted() {
        // a numbered law, and a span that runs up to now
        assertThat(only(events("Jepang menjatuhkan sanksi kepada Filipina berdasarkan UU No 5 Tahun 2010."), "SANCTION").modality())
                .isEqualTo(Modality.ASSERTED);
        assertThat(only(events("Jepang memblokade pelabuhan Filipina pada tahun 2015 sampai sekarang."), "COERCE").modality())
                .isEqualTo(Modality.ASSERTED);
    }

    @Test
    void theYearsOfTheSubjectsOfficeDateWhatTheSubjectDid() {
        assertThat(only(events("Duta besar Jepang periode 2010-2015 meminta Filipina membebaskan nelayan."), "REQUEST").modality())
                .isEqualTo(Modality.HISTORICAL);
        // before a passive trigger they describe the one acted upon, not when
        assertThat(only(events("Duta besar Jepang periode 2010-2015 ditangkap polisi Filipina."), "COERCE").modality())
                .isEqualTo(Modality.ASSERTED);
    }

    @Test
    void anActDatedAfterTheArticleIsFuture() {
        assertThat(only(events("Jepang menjatuhkan sanksi kepada Filipina mulai bulan depan."), "SANCTION").modality())
                .isEqualTo(Modality.FUTURE);
    }

    @Test
    void aPurposeClauseIsNotHypothetical() {
        assertThat(only(events("Warga Filipina mendatangi Kedutaan Besar Jepang untuk menggelar unjuk rasa."), "PROTEST").modality())
                .isEqualTo(Modality.ASSERTED);
    }

    @Test
    void aCueBeforeAnOccurrenceVerbAfterTheTriggerApplies() {
        assertThat(only(events("Unjuk rasa warga Filipina akan digelar di Manila."), "PROTEST").modality())
                .isEqualTo(Modality.FUTURE);
    }

    @Test
    void reportedSpeechIsAttributedToTheSpeakerNotTheDoer() {
        Event e = only(events("Australia mengatakan Tiongkok telah menyerang kapal Filipina."), "ASSAULT");
        assertThat(codes(e.actor())).containsExactly("CHN");
        assertThat(e.mentions().get(0).attribution().code()).isEqualTo("AUS");
        assertThat(e.mentions().get(0).attribution().cue()).isEqualTo("mengatakan");
    }

    @Test
    void whatIsAskedForIsNotAnEventOfItsOwnButGivesTheMode() {
        List<Event> es = events("Jepang meminta Tiongkok agar menarik pasukannya dari perbatasan.");
        Event e = only(es, "REQUEST");
        assertThat(e.mode()).isEqualTo("yield");
        assertThat(es).noneMatch(x -> x.type().equals("RETREAT"));
    }

    @Test
    void futureCooperationIsCodedAgree() {
        Event e = only(events("Jepang akan bekerja sama dengan Filipina."), "AGREE");
        assertThat(e.modality()).isEqualTo(Modality.FUTURE);
    }

    @Test
    void eventsCarryPloverAndCameoFields() {
        Event e = only(events("Jepang menyerang Filipina."), "ASSAULT");
        assertThat(e.ploverQuad()).isEqualTo(4);
        assertThat(e.cameoQuad()).isEqualTo(4);
        assertThat(e.cameo()).startsWith("19");
        assertThat(e.score()).isEqualTo(-9.0);
        assertThat(e.id()).matches("[0-9a-f]{16}");
    }

    private static List<Event> english(String body) {
        try {
            String text = "Title\n\n" + body + "\n";
            return TestPipelines.pipeline().code(new org.warta.model.Page("en.txt", null, org.warta.model.Page.MediaType.TEXT,
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of("language", "en")), TestPipelines.AS_OF).events();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void englishPassiveWithBy() {
        Event e = only(english("Philippine troops were attacked by Japan on Monday."), "ASSAULT");
        assertThat(codes(e.actor())).containsExactly("JPN");
        assertThat(codes(e.recipient())).containsExactly("PHL");
    }

    @Test
    void englishCallOnXToIsOneRequest() {
        List<Event> es = english("Japan called on China to withdraw its troops from the border.");
        Event e = only(es, "REQUEST");
        assertThat(codes(e.actor())).containsExactly("JPN");
        assertThat(codes(e.recipient())).containsExactly("CHN");
        assertThat(e.mode()).isEqualTo("yield");
        assertThat(es).noneMatch(x -> x.type().equals("RETREAT"));
    }

    @Test
    void threatenedActGivesTheThreatMode() {
        assertThat(only(english("Japan threatened to impose sanctions on China."), "THREATEN").mode()).isEqualTo("restrict");
        assertThat(only(english("Japan threatened to cut ties with China."), "THREATEN").mode()).isEqualTo("relations");
    }

    @Test
    void conditionalAnnouncedConflictIsAThreat() {
        Event e = only(english("Japan said it will attack China unless the talks resume."), "THREATEN");
        assertThat(e.mode()).isEqualTo("violence");
    }

    @Test
    void reportedObligationIsTheSpeakersRequest() {
        Event e = only(english("Japan said that China must withdraw its troops."), "REQUEST");
        assertThat(codes(e.actor())).containsExactly("JPN");
        assertThat(codes(e.recipient())).containsExactly("CHN");
        assertThat(e.mode()).isEqualTo("yield");
    }

    @Test
    void headlineBareVerbIsActive() {
        List<Event> es = TestPipelines.code("Polisi Jepang Tangkap Warga Filipina", "Isi berita.").events();
        assertThat(es).extracting(Event::type).contains("COERCE");
    }

    @Test
    void confidenceIsAProbability() {
        for (Event e : events("Jepang menyerang Filipina. Jepang akan bertemu Filipina.")) assertThat(e.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void aBadPatternIsAnErrorNamingFileAndLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("lang/id/events.tsv");
        java.nio.file.Files.createDirectories(f.getParent());
        java.nio.file.Files.writeString(f, "pattern\ttype\tmode\tcameo\tslots\tflags\tcontext\nserbu\tATTACK\t-\t-\t-\t-\t-\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.warta.Warta.builder().kb(dir).build())
                .hasMessageContaining("events.tsv").hasMessageContaining(":2").hasMessageContaining("ATTACK");
    }
}
