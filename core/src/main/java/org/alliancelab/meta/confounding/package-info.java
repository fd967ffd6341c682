/**
 * How strong unmeasured confounding would have to be to explain an observed association away:
 * E-values ({@link EValue}) and robustness values ({@link RobustnessValue}).
 */
package org.alliancelab.meta.confounding;
