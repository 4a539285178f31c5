package io.github.nexuspypi.it.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that talks to the one Nexus of this test run: fields and parameters of type {@link Nexus} and
 * {@link io.github.nexuspypi.it.python.PythonClients} are filled in by {@link NexusExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NexusExtension.class)
public @interface NexusTest
{
}
