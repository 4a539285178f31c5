package io.github.nexuspypi.jenkins.views;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Holds the plugin's Jelly views and help files to its Java classes, as Jenkins would at run time: every form
 * field bound both ways, every validation and fill method there with the parameters the form sends, every
 * expression read through a getter, every repeatable deletable, every view escaping by default, every tag and
 * attribute one that core's library takes. Each problem is a sentence naming the file.
 */
final class JellyViewCheck
{
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

  private static final Pattern PATH = Pattern.compile("\\b([A-Za-z_]\\w*)((?:\\.\\w+(?:\\(\\))?)+)");

  private static final Pattern SEGMENT = Pattern.compile("\\.(\\w+)(\\(\\))?");

  private static final String FORM = "/lib/form";

  /** Attributes whose value a user reads; {@code value} only on buttons, where it is the label. */
  private static final Set<String> SHOWN_ATTRIBUTES = Set.of("title", "header", "add", "progress", "description");

  private static final Set<String> BUTTONS = Set.of("repeatableDeleteButton", "submit", "validateButton");

  private static final Pattern WORDS = Pattern.compile("\\p{L}");

  private static final Pattern ESCAPE_BY_DEFAULT =
      Pattern.compile("<\\?jelly\\s+escape-by-default=['\"]true['\"]\\s*\\?>");

  private final Path resources;

  private final JenkinsTagLibraries libraries;

  private final List<String> problems = new ArrayList<>();

  JellyViewCheck(final Path resources, final JenkinsTagLibraries libraries) {
    this.resources = resources;
    this.libraries = libraries;
  }

  List<String> problems() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(resources)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".jelly")) {
        checkView(file);
      }
      else if (name.startsWith("help-") && name.endsWith(".html")) {
        checkHelpFile(file);
      }
    }
    return problems;
  }

  private void checkHelpFile(final Path file) {
    Optional<Class<?>> owner = owner(file);
    String field = file.getFileName().toString().replaceAll("^help-|\\.html$", "");
    owner.ifPresent(type -> {
      if (getter(type, field).isEmpty()) {
        problem(file, "is help for a field '" + field + "' that " + type.getSimpleName() + " does not have");
      }
    });
  }

  private void checkView(final Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!ESCAPE_BY_DEFAULT.matcher(text).find()) {
      problem(file, "does not declare <?jelly escape-by-default='true'?>, so its expressions are not escaped");
    }
    if (file.getParent().equals(resources)) {
      return; // the plugin's own description for the plugin manager, of no class
    }
    Optional<Class<?>> owner = owner(file);
    if (owner.isEmpty()) {
      return;
    }
    Element root = JellyDocuments.parse(file).getDocumentElement();
    Set<String> fields = new HashSet<>();
    collectFields(root, fields);
    checkTags(file, root);
    checkFields(file, owner.get(), root, fields);
    checkExpressions(file, owner.get(), root, new HashMap<>());
    checkLocalized(file, root);
    if (file.getFileName().toString().equals("config.jelly")) {
      checkDescriptorMethods(file, owner.get(), fields);
    }
  }

  /** The class whose view or help a file is: its folder, as a class name. */
  private Optional<Class<?>> owner(final Path file) {
    String name = resources.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(),
        ".");
    try {
      return Optional.of(Class.forName(name));
    }
    catch (ClassNotFoundException e) {
      problem(file, "is in a folder that names no class (" + name + ")");
      return Optional.empty();
    }
  }

  private void collectFields(final Element element, final Set<String> fields) {
    if (!element.getAttribute("field").isEmpty()) {
      fields.add(element.getAttribute("field"));
    }
    children(element).forEach(child -> collectFields(child, fields));
  }

  private void checkTags(final Path file, final Element element) throws IOException {
    String namespace = element.getNamespaceURI();
    String tag = element.getLocalName();
    if (libraries.isKnownLibrary(namespace)) {
      Optional<Set<String>> taken = libraries.attributes(namespace, tag);
      if (taken.isEmpty()) {
        problem(file, "uses <" + tag + "> of " + namespace + ", which its library does not have");
      }
      else if (!taken.get().isEmpty()) {
        for (String attribute : attributes(element)) {
          if (!taken.get().contains(attribute)) {
            problem(file, "gives <" + tag + "> the attribute '" + attribute + "', which it does not take "
                + taken.get());
          }
        }
      }
    }
    else if (namespace != null && !JenkinsTagLibraries.BUILT_IN.contains(namespace)) {
      problem(file, "uses <" + tag + "> of " + namespace + ", a tag library this check does not know");
    }
    for (Element child : children(element)) {
      checkTags(file, child);
    }
  }

  private void checkFields(final Path file, final Class<?> owner, final Element element, final Set<String> fields) {
    String field = element.getAttribute("field");
    if (!field.isEmpty() && isEntry(element)) {
      if (getter(owner, field).isEmpty()) {
        problem(file, "has the field '" + field + "' but " + owner.getSimpleName() + " has no getter for it");
      }
      if (!bindable(owner, field)) {
        problem(file, "has the field '" + field + "' but " + owner.getSimpleName() + " binds it neither by its "
            + "@DataBoundConstructor nor by a @DataBoundSetter");
      }
      if (!Files.isRegularFile(file.resolveSibling("help-" + field + ".html"))) {
        problem(file, "has the field '" + field + "' without a help-" + field + ".html");
      }
      if (hasSelect(element)) {
        String fill = "doFill" + capitalized(field) + "Items";
        Optional<Method> method = method(descriptor(owner), fill);
        if (method.isEmpty()) {
          problem(file, "has a select for '" + field + "' but no " + fill + " to fill it");
        }
      }
    }
    if (element.getLocalName().equals("repeatableProperty") && FORM.equals(element.getNamespaceURI())) {
      checkRepeated(file, owner, field);
    }
    if (element.getLocalName().equals("repeatable") && FORM.equals(element.getNamespaceURI())
        && !hasDescendant(element, "repeatableDeleteButton")) {
      problem(file, "has an f:repeatable without an f:repeatableDeleteButton: its entries cannot be deleted");
    }
    if (element.getLocalName().equals("validateButton") && FORM.equals(element.getNamespaceURI())) {
      checkValidateButton(file, owner, element, fields);
    }
    if (!element.getAttribute("checkUrl").isEmpty()) {
      checkCheckUrl(file, owner, element.getAttribute("checkUrl"));
    }
    for (Element child : children(element)) {
      checkFields(file, owner, child, fields);
    }
  }

  /** The element of a field: an entry, or a control outside any entry; a control in an entry is the entry's. */
  private static boolean isEntry(final Element element) {
    Node parent = element.getParentNode();
    return element.getLocalName().equals("entry") || !(parent instanceof Element)
        || ((Element) parent).getAttribute("field").isEmpty();
  }

  private static boolean hasSelect(final Element element) {
    return element.getLocalName().equals("select") || children(element).stream()
        .anyMatch(child -> child.getLocalName().equals("select"));
  }

  private void checkRepeated(final Path file, final Class<?> owner, final String field) {
    Optional<Method> getter = getter(owner, field);
    if (getter.isEmpty()) {
      return;
    }
    Optional<Class<?>> element = elementType(getter.get().getGenericReturnType());
    if (element.isEmpty()) {
      problem(file, "repeats '" + field + "', which is not a List of one type");
      return;
    }
    Path view = resources.resolve(element.get().getName().replace('.', '/')).resolve("config.jelly");
    try {
      if (!Files.isRegularFile(view) || !Files.readString(view).contains("repeatableDeleteButton")) {
        problem(file, "repeats " + element.get().getSimpleName() + ", whose config.jelly has no "
            + "f:repeatableDeleteButton: its entries cannot be deleted");
      }
    }
    catch (IOException e) {
      problem(file, "repeats " + element.get().getSimpleName() + ", whose config.jelly cannot be read: " + e);
    }
  }

  private void checkValidateButton(final Path file, final Class<?> owner, final Element button,
                                   final Set<String> fields)
  {
    String name = "do" + capitalized(button.getAttribute("method"));
    Optional<Method> method = method(descriptor(owner), name);
    if (method.isEmpty()) {
      problem(file, "has a button calling " + name + ", which " + descriptor(owner).getSimpleName() + " lacks");
      return;
    }
    Set<String> sent = Arrays.stream(button.getAttribute("with").split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    Set<String> read = queryParameters(file, method.get());
    if (!sent.equals(read)) {
      problem(file, "has a button sending " + sent + " to " + name + ", which reads " + read);
    }
    sent.stream().filter(s -> !fields.contains(s))
        .forEach(s -> problem(file, "has a button sending '" + s + "', which is no field of this form"));
  }

  private void checkCheckUrl(final Path file, final Class<?> owner, final String url) {
    Matcher name = Pattern.compile("/(\\w+)(?:\\?|'|$)").matcher(url);
    String method = name.find() ? "do" + capitalized(name.group(1)) : url;
    if (method(descriptor(owner), method).isEmpty()) {
      problem(file, "has a checkUrl calling " + method + ", which " + descriptor(owner).getSimpleName() + " lacks");
    }
  }

  /** Every doCheck and doFill...Items names a field of the form, and reads only fields of it (or its value). */
  private void checkDescriptorMethods(final Path file, final Class<?> owner, final Set<String> fields) {
    for (Method method : descriptor(owner).getDeclaredMethods()) {
      Matcher matcher = Pattern.compile("doCheck(\\w+)|doFill(\\w+)Items").matcher(method.getName());
      if (!matcher.matches()) {
        continue;
      }
      String field = uncapitalized(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
      if (!fields.contains(field)) {
        problem(file, "has no field '" + field + "' for " + method.getName() + " of "
            + descriptor(owner).getSimpleName());
      }
      for (String parameter : queryParameters(file, method)) {
        if (!parameter.equals("value") && !fields.contains(parameter)) {
          problem(file, "has no field '" + parameter + "', which " + method.getName() + " reads");
        }
      }
    }
  }

  private void checkExpressions(final Path file, final Class<?> owner, final Element element,
                                final Map<String, Class<?>> variables)
  {
    Map<String, Class<?>> scope = new HashMap<>(variables);
    scope.put("it", owner);
    scope.put("instance", owner);
    List<String> texts = new ArrayList<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      texts.add(((Attr) attributes.item(i)).getValue());
    }
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.TEXT_NODE) {
        texts.add(nodes.item(i).getNodeValue());
      }
    }
    texts.forEach(text -> checkExpressionText(file, text, scope));
    if (element.getLocalName().equals("forEach") && !element.getAttribute("var").isEmpty()) {
      Matcher items = PATH.matcher(element.getAttribute("items"));
      if (items.find() && scope.containsKey(items.group(1))) {
        resolve(file, scope.get(items.group(1)), items.group(2)).flatMap(JellyViewCheck::elementType)
            .ifPresent(type -> scope.put(element.getAttribute("var"), type));
      }
    }
    children(element).forEach(child -> checkExpressions(file, owner, child, scope));
  }

  private void checkExpressionText(final Path file, final String text, final Map<String, Class<?>> scope) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      Matcher path = PATH.matcher(expression.group(1));
      while (path.find()) {
        if (scope.containsKey(path.group(1))) {
          resolve(file, scope.get(path.group(1)), path.group(2));
        }
      }
    }
  }

  /**
   * Words a user reads come from {@code ${%...}}, which Jenkins looks up in the view's properties for the user's
   * language; a literal word cannot be translated.
   */
  private void checkLocalized(final Path file, final Element element) {
    for (String attribute : attributes(element)) {
      boolean shown = SHOWN_ATTRIBUTES.contains(attribute)
          || attribute.equals("value") && BUTTONS.contains(element.getLocalName());
      if (shown && isLiteral(element.getAttribute(attribute))) {
        problem(file, "gives <" + element.getLocalName() + "> the " + attribute + " '"
            + element.getAttribute(attribute) + "' untranslated: write ${%...}");
      }
    }
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.TEXT_NODE && isLiteral(nodes.item(i).getNodeValue())) {
        problem(file, "shows the words '" + nodes.item(i).getNodeValue().strip() + "' untranslated: write ${%...}");
      }
    }
    children(element).forEach(child -> checkLocalized(file, child));
  }

  /** Whether text holds words outside any expression. */
  private static boolean isLiteral(final String text) {
    return WORDS.matcher(EXPRESSION.matcher(text).replaceAll("")).find();
  }

  /** The generic type a chain of properties gives, each read through its getter; a problem where one is not. */
  private Optional<Type> resolve(final Path file, final Class<?> start, final String chain) {
    Type type = start;
    Matcher segment = SEGMENT.matcher(chain);
    while (segment.find()) {
      Class<?> on = raw(type);
      if (segment.group(2) != null) {
        problem(file, "calls " + segment.group(1) + "() on " + on.getSimpleName() + ": views read getters, since "
            + "JEXL calls no method on a primitive such as a long");
        return Optional.empty();
      }
      Optional<Method> getter = getter(on, segment.group(1));
      if (getter.isEmpty()) {
        problem(file, "reads '" + segment.group(1) + "' of " + on.getSimpleName() + ", which has no getter for it");
        return Optional.empty();
      }
      type = getter.get().getGenericReturnType();
    }
    return Optional.of(type);
  }

  private static Optional<Class<?>> elementType(final Type type) {
    if (type instanceof ParameterizedType && List.class.isAssignableFrom(raw(type))) {
      Type argument = ((ParameterizedType) type).getActualTypeArguments()[0];
      return argument instanceof Class ? Optional.of((Class<?>) argument) : Optional.empty();
    }
    return Optional.empty();
  }

  private static Class<?> raw(final Type type) {
    return type instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) type).getRawType() : (Class<?>) type;
  }

  private static Optional<Method> getter(final Class<?> type, final String property) {
    return Stream.of("get", "is").map(prefix -> prefix + capitalized(property))
        .flatMap(name -> Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)))
        .filter(m -> m.getParameterCount() == 0).findFirst();
  }

  private static boolean bindable(final Class<?> type, final String property) {
    boolean setter = Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals("set" + capitalized(property))
        && m.isAnnotationPresent(DataBoundSetter.class));
    boolean constructor = Arrays.stream(type.getConstructors())
        .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
        .flatMap(JellyViewCheck::parameterNames).anyMatch(property::equals);
    return setter || constructor;
  }

  private static Stream<String> parameterNames(final Constructor<?> constructor) {
    return Arrays.stream(constructor.getParameters()).map(Parameter::getName);
  }

  /** The name a form parameter is sent under: the annotation's, else the Java one (compiled with -parameters). */
  private Set<String> queryParameters(final Path file, final Method method) {
    Set<String> names = new HashSet<>();
    for (Parameter parameter : method.getParameters()) {
      QueryParameter query = parameter.getAnnotation(QueryParameter.class);
      if (query != null) {
        if (!parameter.isNamePresent() && query.value().isEmpty()) {
          problem(file, "cannot be checked: " + method.getName() + "'s parameter names were not compiled in "
              + "(javac -parameters)");
          return Set.of();
        }
        names.add(query.value().isEmpty() ? parameter.getName() : query.value());
      }
    }
    return names;
  }

  /** The class whose methods a view's form calls: a nested Descriptor, or the class itself if it is one. */
  private static Class<?> descriptor(final Class<?> owner) {
    if (Descriptor.class.isAssignableFrom(owner)) {
      return owner;
    }
    return Arrays.stream(owner.getDeclaredClasses()).filter(Descriptor.class::isAssignableFrom).findFirst()
        .orElse(owner);
  }

  private static Optional<Method> method(final Class<?> type, final String name) {
    return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst();
  }

  private static List<String> attributes(final Element element) {
    List<String> names = new ArrayList<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (attribute.getNamespaceURI() == null) {
        names.add(attribute.getName());
      }
    }
    return names;
  }

  private static boolean hasDescendant(final Element element, final String tag) {
    return element.getElementsByTagNameNS(FORM, tag).getLength() > 0;
  }

  private static List<Element> children(final Element element) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element) {
        children.add((Element) nodes.item(i));
      }
    }
    return children;
  }

  private static String capitalized(final String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String uncapitalized(final String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private void problem(final Path file, final String what) {
    problems.add(resources.relativize(file) + " " + what);
  }
}
