package org.alliancelab.simulate.scenario;

import org.alliancelab.simulate.model.PanelModel;
import java.util.List;
import java.util.Optional;

/**
 * The design of the studies of one replication.
 *
 * @param studies number of PUBLISHED studies per replication (with publication selection,
 *     studies are drawn until this many are published)
 * @param sampleSize sample-size distribution
 * @param moderators categorical moderators in scenario order
 * @param adjustedReporting which studies report an adjusted estimate (empty: none do)
 * @param publication publication selection (empty: every study is published)
 * @param dropout patient dropout (empty: none)
 * @param sessions a session-by-session design: the patients' alliance and outcome over
 *     sessions (empty: the cross-sectional structural model)
 */
public record StudyDesign(
    int studies,
    SampleSizeDistribution sampleSize,
    List<Moderator> moderators,
    Optional<AdjustedReporting> adjustedReporting,
    Optional<PublicationSelection> publication,
    Optional<Dropout> dropout,
    Optional<PanelModel> sessions) {

    /**
     * Defensive copy.
     *
     * @param moderators categorical moderators in scenario order
     * @param adjustedReporting which studies report an adjusted estimate (empty: none do)
     * @param dropout patient dropout (empty: none)
     * @param sessions a session-by-session design (empty: none)
     * @param publication publication selection (empty: every study is published)
     * @param sampleSize sample-size distribution
     * @param studies number of PUBLISHED studies per replication (with publication selection,
     *     studies are drawn until this many are published)
     */
    public StudyDesign {
        moderators = List.copyOf(moderators);
    }
}
