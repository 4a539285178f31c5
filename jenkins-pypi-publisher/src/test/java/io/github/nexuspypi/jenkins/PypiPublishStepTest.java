package io.github.nexuspypi.jenkins;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.AbstractBuild;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.github.nexuspypi.jenkins.publish.PublishSettings;
import io.github.nexuspypi.jenkins.publish.PublishedFile;
import io.github.nexuspypi.jenkins.publish.UploadCredentials;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedStatic;
import org.objenesis.ObjenesisStd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The step's options as Pipeline and the job form bind them, how they become the engine's settings (global servers,
 * credentials, environment), and what a build gets: the engine run on the workspace, and the build page's action.
 */
class PypiPublishStepTest
{
  private static final String URL = "https://nexus.example/repository/pypi-hosted/";

  private final Run<?, ?> run = mock(Run.class);

  private final EnvVars env = mock(EnvVars.class);

  private final Jenkins jenkins = mock(Jenkins.class);

  private final PypiPublisherConfiguration configuration = mock(PypiPublisherConfiguration.class);

  private MockedStatic<CredentialsProvider> credentials;

  private MockedStatic<Jenkins> jenkinsStatic;

  private MockedStatic<ExtensionList> extensions;

  private MockedStatic<URIRequirementBuilder> requirements;

  @TempDir
  Path workspace;

  @BeforeEach
  void aBuild() {
    when(env.expand(anyString())).thenAnswer(call -> call.getArgument(0).toString().replace("${BRANCH}", "main"));
    credentials = mockStatic(CredentialsProvider.class);
    jenkinsStatic = mockStatic(Jenkins.class);
    jenkinsStatic.when(Jenkins::get).thenReturn(jenkins);
    extensions = mockStatic(ExtensionList.class);
    extensions.when(() -> ExtensionList.lookupSingleton(PypiPublisherConfiguration.class)).thenReturn(configuration);
    requirements = mockStatic(URIRequirementBuilder.class);
    URIRequirementBuilder builder = mock(URIRequirementBuilder.class);
    requirements.when(() -> URIRequirementBuilder.fromUri(anyString())).thenReturn(builder);
    when(builder.build()).thenReturn(List.of());
  }

  @AfterEach
  void done() {
    credentials.close();
    jenkinsStatic.close();
    extensions.close();
    requirements.close();
  }

  @Test
  void everyOptionBindsAndBlanksFallBackToDefaults() {
    PypiPublishStep step = new PypiPublishStep();
    assertEquals("dist/*", step.getFiles());
    assertTrue(step.isFailWhenNothingMatches());
    assertEquals(3, step.getRetries());
    assertFalse(step.isSkipExisting());
    assertFalse(step.isDryRun());

    step.setServer(" nexus ");
    step.setRepositoryUrl(" ");
    step.setCredentialsId("");
    step.setFiles("  ");
    step.setSkipExisting(true);
    step.setFailWhenNothingMatches(false);
    step.setRetries(0);
    step.setDryRun(true);

    assertEquals("nexus", step.getServer());
    assertNull(step.getRepositoryUrl());
    assertNull(step.getCredentialsId());
    assertEquals("dist/*", step.getFiles());
    assertTrue(step.isSkipExisting());
    assertFalse(step.isFailWhenNothingMatches());
    assertEquals(0, step.getRetries());
    assertTrue(step.isDryRun());
  }

  @Test
  void aRepositoryUrlWithUsernamePasswordCredentialsBecomesTheEngineSettings() throws Exception {
    StandardUsernamePasswordCredentials deployer = mock(StandardUsernamePasswordCredentials.class);
    Secret password = mock(Secret.class);
    when(deployer.getUsername()).thenReturn("deployer");
    when(deployer.getPassword()).thenReturn(password);
    when(password.getPlainText()).thenReturn("s3cret");
    credentials.when(() -> CredentialsProvider.findCredentialById(eq("nexus-deployer"),
        eq(StandardCredentials.class), eq(run), anyList())).thenReturn(deployer);
    PypiPublishStep step = new PypiPublishStep();
    step.setRepositoryUrl(URL);
    step.setCredentialsId("nexus-deployer");
    step.setFiles("dist/${BRANCH}/*.whl");
    step.setSkipExisting(true);

    PublishSettings settings = step.settings(run, env);

    assertEquals(URL, settings.repositoryUrl().toString());
    assertEquals("deployer", settings.credentials().username());
    assertEquals(List.of("dist/main/*.whl"), settings.patterns());
    assertTrue(settings.skipExisting());
    credentials.verify(() -> CredentialsProvider.track(run, deployer));
  }

  @Test
  void aSecretTextIsATokenAndAServerGivesUrlAndCredentials() throws Exception {
    StringCredentials token = mock(StringCredentials.class);
    Secret secret = mock(Secret.class);
    when(token.getSecret()).thenReturn(secret);
    when(secret.getPlainText()).thenReturn("pypi-AgEtoken");
    credentials.when(() -> CredentialsProvider.findCredentialById(eq("nexus-token"), eq(StandardCredentials.class),
        eq(run), anyList())).thenReturn(token);
    PypiServer server = new PypiServer("nexus", URL);
    server.setCredentialsId("nexus-token");
    when(configuration.server("nexus")).thenReturn(Optional.of(server));
    PypiPublishStep step = new PypiPublishStep();
    step.setServer("nexus");

    PublishSettings settings = step.settings(run, env);

    assertEquals(URL, settings.repositoryUrl().toString());
    assertEquals("__token__", settings.credentials().username());
  }

  @Test
  void whereToPublishMustBeSaidOnceAndCredentialsMustExist() {
    when(configuration.server(anyString())).thenReturn(Optional.empty());
    PypiPublishStep neither = new PypiPublishStep();
    PypiPublishStep both = new PypiPublishStep();
    both.setServer("nexus");
    both.setRepositoryUrl(URL);
    PypiPublishStep unknownServer = new PypiPublishStep();
    unknownServer.setServer("elsewhere");
    PypiPublishStep missingCredentials = new PypiPublishStep();
    missingCredentials.setRepositoryUrl(URL);
    missingCredentials.setCredentialsId("gone");

    assertTrue(assertThrows(AbortException.class, () -> neither.settings(run, env)).getMessage()
        .contains("server"));
    assertTrue(assertThrows(AbortException.class, () -> both.settings(run, env)).getMessage()
        .contains("not both"));
    assertTrue(assertThrows(AbortException.class, () -> unknownServer.settings(run, env)).getMessage()
        .contains("'elsewhere'"));
    assertTrue(assertThrows(AbortException.class, () -> missingCredentials.settings(run, env)).getMessage()
        .contains("'gone'"));
  }

  @Test
  void aBuildRunsTheEngineOnItsWorkspaceAndListsWhatItPublished() throws Exception {
    FilePath workspacePath = mock(FilePath.class);
    PublishedFile published = mock(PublishedFile.class);
    when(workspacePath.act(any(PublishCallable.class))).thenReturn(PublishReport.published(List.of(published)));
    PypiPublishStep step = new PypiPublishStep();
    step.setRepositoryUrl(URL);

    step.perform(run, workspacePath, env, null, mock(TaskListener.class));

    ArgumentCaptor<PublishedFilesAction> action = ArgumentCaptor.forClass(PublishedFilesAction.class);
    verify(run).addAction(action.capture());
    assertEquals(List.of(published), action.getValue().getFiles());

    when(run.getAction(PublishedFilesAction.class)).thenReturn(action.getValue());
    step.perform(run, workspacePath, env, null, mock(TaskListener.class));
    assertEquals(List.of(published, published), action.getValue().getFiles(), "a second publish adds to the list");
  }

  @Test
  void aPublishFailingHalfwayListsWhatWentThroughAndFailsWithItsSentence() throws Exception {
    FilePath workspacePath = mock(FilePath.class);
    PublishedFile before = mock(PublishedFile.class);
    when(workspacePath.act(any(PublishCallable.class)))
        .thenReturn(PublishReport.failed(List.of(before), "Upload of demo-1.0.tar.gz failed with 503."));
    PypiPublishStep step = new PypiPublishStep();
    step.setRepositoryUrl(URL);

    AbortException failed = assertThrows(AbortException.class,
        () -> step.perform(run, workspacePath, env, null, mock(TaskListener.class)));

    assertEquals("Upload of demo-1.0.tar.gz failed with 503.", failed.getMessage());
    ArgumentCaptor<PublishedFilesAction> action = ArgumentCaptor.forClass(PublishedFilesAction.class);
    verify(run).addAction(action.capture());
    assertEquals(List.of(before), action.getValue().getFiles());
  }

  @Test
  void nothingPublishedAddsNoAction() throws Exception {
    FilePath workspacePath = mock(FilePath.class);
    when(workspacePath.act(any(PublishCallable.class))).thenReturn(PublishReport.published(List.of()));
    PypiPublishStep step = new PypiPublishStep();
    step.setRepositoryUrl(URL);
    step.setFailWhenNothingMatches(false);

    step.perform(run, workspacePath, env, null, mock(TaskListener.class));

    verify(run, never()).addAction(any());
  }

  @Test
  void aFreestyleBuildWorseThanSuccessPublishesNothingUnlessAsked() throws Exception {
    AbstractBuild<?, ?> failedBuild = mock(AbstractBuild.class);
    Result failure = mock(Result.class);
    when(failure.isWorseThan(any())).thenReturn(true);
    when(failedBuild.getResult()).thenReturn(failure);
    FilePath workspacePath = mock(FilePath.class);
    when(workspacePath.act(any(PublishCallable.class))).thenReturn(PublishReport.published(List.of()));
    TaskListener listener = mock(TaskListener.class);
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    when(listener.getLogger()).thenReturn(new PrintStream(logged, true, StandardCharsets.UTF_8));
    PypiPublishStep step = new PypiPublishStep();
    step.setRepositoryUrl(URL);
    assertTrue(step.isOnlyIfSuccessful(), "skipping is the default");

    step.perform(failedBuild, workspacePath, env, null, listener);
    verify(workspacePath, never()).act(any(PublishCallable.class));
    assertTrue(logged.toString(StandardCharsets.UTF_8).contains("not publishing"), logged::toString);

    step.setOnlyIfSuccessful(false);
    step.perform(failedBuild, workspacePath, env, null, listener);
    verify(workspacePath).act(any(PublishCallable.class));
  }

  /** XStream builds a saved step without running its constructor or initialisers, as Objenesis does here. */
  @Test
  void aStepSavedBeforeTheOptionExistedSkipsFailedBuilds() {
    PypiPublishStep loaded = new ObjenesisStd().newInstance(PypiPublishStep.class);

    assertTrue(loaded.isOnlyIfSuccessful());
  }

  @Test
  void aPipelinePublishesWhenItReachesTheStepWhateverItsResultSoFar() throws Exception {
    Result unstable = mock(Result.class);
    when(unstable.isWorseThan(any())).thenReturn(true);
    when(run.getResult()).thenReturn(unstable);
    FilePath workspacePath = mock(FilePath.class);
    when(workspacePath.act(any(PublishCallable.class))).thenReturn(PublishReport.published(List.of()));
    PypiPublishStep step = new PypiPublishStep();
    step.setRepositoryUrl(URL);

    step.perform(run, workspacePath, env, null, mock(TaskListener.class));

    verify(workspacePath).act(any(PublishCallable.class));
  }

  @Test
  void systemScopedCredentialsAreRefusedForAServerAsNoBuildCouldUseThem() {
    StandardUsernamePasswordCredentials systemScoped = mock(StandardUsernamePasswordCredentials.class);
    credentials.when(() -> CredentialsProvider.findCredentialByIdInItemGroup(eq("agent-ssh"),
        eq(StandardCredentials.class), eq(jenkins), any(), anyList())).thenReturn(systemScoped);
    try (MockedStatic<CredentialsMatchers> matchers = mockStatic(CredentialsMatchers.class)) {
      CredentialsMatcher system = found -> found == systemScoped;
      matchers.when(() -> CredentialsMatchers.withScope(CredentialsScope.SYSTEM)).thenReturn(system);

      AbortException refused = assertThrows(AbortException.class,
          () -> UploadCredentialsLookup.global(URL, "agent-ssh"));

      assertTrue(refused.getMessage().contains("System-scoped"), refused.getMessage());
    }
  }

  @Test
  void serversAreListedOnlyToWhoMayConfigureTheJob() {
    Item job = mock(Item.class);
    when(job.hasPermission(any())).thenReturn(false);
    when(jenkins.hasPermission(any())).thenReturn(false);
    PypiPublishStep.DescriptorImpl descriptor = new PypiPublishStep.DescriptorImpl();

    assertTrue(descriptor.doFillServerItems(job).isEmpty());
    assertTrue(descriptor.doFillServerItems(null).isEmpty());
    verify(configuration, never()).getServers();
  }

  @Test
  void aFailedPublishIsReportedAsASentenceWithTheFilesBeforeIt() throws Exception {
    PublishSettings settings = PublishSettings.to(URL).files("../dist/*").build();

    PublishReport report = new PublishCallable(settings, mock(TaskListener.class)).invoke(workspace.toFile(), null);

    assertEquals(List.of(), report.files());
    AbortException failed = assertThrows(AbortException.class, report::throwIfFailed);
    assertTrue(failed.getMessage().contains("inside the workspace"), failed.getMessage());
  }

  @Test
  void theSecretNeverReachesTheLogOrTheFailure() throws Exception {
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    TaskListener listener = mock(TaskListener.class);
    when(listener.getLogger()).thenReturn(new PrintStream(logged, true, StandardCharsets.UTF_8));
    PublishSettings settings = PublishSettings.to(URL).files("hunter2/*.whl")
        .credentials(UploadCredentials.usernamePassword("ci", "hunter2"))
        .failWhenNothingMatches(true).build();

    AbortException failed = assertThrows(AbortException.class,
        () -> new PublishCallable(settings, listener).invoke(workspace.toFile(), null).throwIfFailed());

    assertTrue(failed.getMessage().contains("****/*.whl"), failed.getMessage());
    assertFalse(failed.getMessage().contains("hunter2"), failed.getMessage());
    assertFalse(logged.toString(StandardCharsets.UTF_8).contains("hunter2"));
  }

  @Test
  void credentialsAreListedOnlyToWhoMaySeeThem() {
    Item job = mock(Item.class);
    when(job.hasPermission(any())).thenReturn(false);
    when(jenkins.hasPermission(any())).thenReturn(false);
    PypiPublishStep.DescriptorImpl descriptor = new PypiPublishStep.DescriptorImpl();

    ListBoxModel forJob = descriptor.doFillCredentialsIdItems(job, URL, null);
    ListBoxModel global = descriptor.doFillCredentialsIdItems(null, URL, null);

    assertTrue(forJob.isEmpty());
    assertTrue(global.isEmpty());
    requirements.verify(() -> URIRequirementBuilder.fromUri(anyString()), never());
  }

  @Test
  void theFormSaysWhereToPublishOnceAndRetriesAreCounted() {
    try (MockedStatic<FormValidation> validation = mockStatic(FormValidation.class)) {
      validation.when(FormValidation::ok).thenReturn(mock(FormValidation.class));
      validation.when(() -> FormValidation.error(anyString())).thenReturn(mock(FormValidation.class));
      PypiPublishStep.DescriptorImpl descriptor = new PypiPublishStep.DescriptorImpl();

      descriptor.doCheckRepositoryUrl("", "");
      validation.verify(() -> FormValidation.error(contains("Choose a server")));
      descriptor.doCheckRepositoryUrl(URL, "nexus");
      validation.verify(() -> FormValidation.error(contains("not both")));
      descriptor.doCheckRetries("-1");
      validation.verify(() -> FormValidation.error(contains("0 or more")));
      descriptor.doCheckRetries("three");
      validation.verify(() -> FormValidation.error(contains("whole number")));
      descriptor.doCheckRetries(null);
      validation.verify(() -> FormValidation.error(contains("whole number")), times(2));
      descriptor.doCheckRetries("3");
      descriptor.doCheckRepositoryUrl("", "nexus");
      validation.verify(FormValidation::ok, times(2));
    }
  }

  @Test
  void theBuildPageActionNamesItself() {
    PublishedFilesAction action = new PublishedFilesAction(List.of());

    assertEquals("pypi-published", action.getUrlName());
    assertEquals("Published to PyPI", action.getDisplayName());
    Run<?, ?> build = mock(Run.class);
    action.onAttached(build);
    assertSame(build, action.getRun(), "for the page's side panel");
  }

  @Test
  void parallelBranchesPublishingAtOnceShareOneActionWithEveryFile() throws Exception {
    List<PublishedFilesAction> attached = new CopyOnWriteArrayList<>();
    doAnswer(call -> attached.add(call.getArgument(0))).when(run).addAction(any());
    when(run.getAction(PublishedFilesAction.class)).thenAnswer(call -> attached.isEmpty() ? null : attached.get(0));
    PublishedFile file = mock(PublishedFile.class);
    int branches = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(branches);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < branches; i++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int n = 0; n < 100; n++) {
            PublishedFilesAction.record(run, List.of(file));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> branch : done) {
        branch.get();
      }
    }
    finally {
      pool.shutdownNow();
    }

    assertEquals(1, attached.size(), "one action");
    assertEquals(branches * 100, attached.get(0).getFiles().size(), "every file");
  }
}
