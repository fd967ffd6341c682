/**
 * Subgroup analysis: a pooled estimate per level of a categorical study characteristic and the
 * Q-between test of their equality.
 */
package org.alliancelab.meta.subgroup;
