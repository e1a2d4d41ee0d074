package io.octopuses;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that adapts Octopuses to the Camunda engine: it starts or correlates a process, or plugs the
 * engine's identity and REST layer into ours. Together with BPMN delegates these are the only classes allowed
 * to import {@code org.camunda.*} (an ArchUnit test enforces it), so the engine can later be swapped for its
 * successor fork mechanically.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EngineAdapter {
}
