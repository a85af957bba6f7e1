package org.assemblyhub.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.scripts.ScriptReader;
import org.assemblyhub.session.domain.PlannedSession;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** What the hub keeps of a script: enough to run the clock, show the calendar and put a talk on stage. */
class ScriptPlansTest {
    static final String YAML =
            """
            title: Learning
            sessions:
              - id: learning-1
                title: "Où vont nos émissions"
                phase: learning
                plannedStart: "2027-01-06T18:30:00+01:00"
                segments:
                  - kind: learning
                    title: "L'exposé"
                    minutes: 12
                    material: {title: "Emissions 101", speaker: "Dr Diallo", url: "https://example.org/talk"}
                    qa: true
            """;

    @Test
    void a_learning_segment_keeps_its_material_link_speaker_and_questions_and_a_session_its_planned_start() {
        ScriptReader.Result read = ScriptReader.read(YAML);
        assertThat(read.problems()).isEmpty();
        List<PlannedSession> sessions = ScriptPlans.of(read.script());
        PlannedSession session = sessions.get(0);
        assertThat(session.plannedStart()).isEqualTo(Instant.parse("2027-01-06T17:30:00Z"));
        assertThat(session.phase()).isEqualTo(Phase.LEARNING);
        assertThat(session.segments().get(0).material())
                .isEqualTo(new PlannedSegment.Material("Emissions 101", "Dr Diallo", "https://example.org/talk", true));
    }
}
