/**
 * The per-replication analyses: each {@link org.alliancelab.simulate.analysis.Analysis} owns
 * its name, its columns of the replication record, its performance measures and its
 * computation; {@link org.alliancelab.simulate.analysis.StandardAnalyses} lists the
 * synthesis's. This is the extension point for a library user's own analysis (docs/extending.md).
 */
package org.alliancelab.simulate.analysis;
