/**
 * Numerical helpers shared by the simulator's packages. Not part of the supported API: names
 * and behaviour may change without notice.
 */
package org.alliancelab.simulate.internal;
