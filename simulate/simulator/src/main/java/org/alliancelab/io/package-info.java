/**
 * File output shared by the simulator, the plots and the command line: {@link
 * org.alliancelab.io.AtomicFiles} writes every output file so that no reader ever sees it
 * half-written.
 */
package org.alliancelab.io;
