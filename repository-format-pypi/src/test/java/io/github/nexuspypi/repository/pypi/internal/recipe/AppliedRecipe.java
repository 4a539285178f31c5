package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;
import javax.inject.Provider;

import io.github.nexuspypi.repository.pypi.internal.RouteTokens;

import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.ConfigurableViewFacet;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * A recipe applied to a mock repository, with every facet and handler it injects a mock: the handlers named as
 * answering answer with their name and the tokens the route captured, every other handler passes the request on.
 * The fields are found by reflection, so that a guard a recipe adds to its routes passes requests on here too.
 */
final class AppliedRecipe
{
  final Repository repository = mock(Repository.class);

  private final ConfigurableViewFacet viewFacet = new ConfigurableViewFacet();

  private final Map<String, Object> injected = new LinkedHashMap<>();

  /** @param answering name of the answer by name of the handler field */
  AppliedRecipe(final PypiRecipeSupport recipe, final Map<String, String> answering) throws Exception {
    for (Class<?> type = recipe.getClass(); PypiRecipeSupport.class.isAssignableFrom(type);
         type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(Inject.class)) {
          field.setAccessible(true);
          field.set(recipe, mockOf(field, answering.get(field.getName())));
        }
      }
    }
    recipe.apply(repository);
    viewFacet.attach(repository);
  }

  private Object mockOf(final Field field, final String answer) throws Exception {
    if (Provider.class.equals(field.getType())) {
      Class<?> facet = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
      Object instance = ConfigurableViewFacet.class.equals(facet) ? viewFacet : mock(facet);
      injected.put(field.getName(), instance);
      return (Provider<Object>) () -> instance;
    }
    // Some of Nexus's handlers are injected by a bridge type that is no view Handler; their implementations are.
    Handler handler = (Handler) mock(field.getType(), withSettings().extraInterfaces(Handler.class));
    when(handler.handle(any())).thenAnswer(call -> {
      Context context = call.getArgument(0);
      return answer == null ? context.proceed() : HttpResponses.ok(answer + " "
          + RouteTokens.get(context, RouteTokens.PROJECT).orElse("-") + " "
          + RouteTokens.get(context, RouteTokens.VERSION).orElse("-"));
    });
    injected.put(field.getName(), handler);
    return handler;
  }

  /** The mock injected into the recipe's field of that name. */
  @SuppressWarnings("unchecked")
  <T> T injected(final String field) {
    return (T) injected.get(field);
  }

  /** The facets the recipe was given, by field name. */
  Map<String, Facet> facets() {
    Map<String, Facet> facets = new LinkedHashMap<>();
    injected.forEach((name, value) -> {
      if (value instanceof Facet) {
        facets.put(name, (Facet) value);
      }
    });
    return facets;
  }

  /** Which handler answered, with the route's tokens, or {@code 404}. */
  String dispatch(final String method, final String path) throws Exception {
    Response response = viewFacet.dispatch(new Request.Builder().action(method).path(path).build());
    return response.getStatus().getCode() == 404 ? "404" : response.getStatus().getMessage();
  }

  /** A page, a file and a JSON API document, one GET each. */
  void readOneOfEach() throws Exception {
    dispatch(HttpMethods.GET, "/simple/foo/");
    dispatch(HttpMethods.GET, "/packages/foo/1.0/foo-1.0.tar.gz");
    dispatch(HttpMethods.GET, "/pypi/foo/json");
  }

  static Map<String, String> answering(final String... fieldAndAnswer) {
    Map<String, String> answering = new LinkedHashMap<>();
    for (int i = 0; i < fieldAndAnswer.length; i += 2) {
      answering.put(fieldAndAnswer[i], fieldAndAnswer[i + 1]);
    }
    return answering;
  }
}
