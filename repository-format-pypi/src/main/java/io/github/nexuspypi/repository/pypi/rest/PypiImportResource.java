package io.github.nexuspypi.repository.pypi.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.github.nexuspypi.repository.pypi.internal.importer.ImportReports;
import io.github.nexuspypi.repository.pypi.internal.importer.ImportTask;
import io.github.nexuspypi.repository.pypi.internal.importer.ImportTaskDescriptor;

import org.sonatype.nexus.repository.manager.RepositoryManager;
import org.sonatype.nexus.rest.Resource;
import org.sonatype.nexus.rest.WebApplicationMessageException;
import org.sonatype.nexus.scheduling.TaskConfiguration;
import org.sonatype.nexus.scheduling.TaskInfo;
import org.sonatype.nexus.scheduling.TaskScheduler;

import io.swagger.annotations.Api;
import io.swagger.annotations.ApiOperation;
import org.apache.shiro.authz.annotation.RequiresAuthentication;
import org.apache.shiro.authz.annotation.RequiresPermissions;

import static javax.ws.rs.core.Response.Status.BAD_REQUEST;
import static javax.ws.rs.core.Response.Status.NOT_FOUND;

/**
 * Starting an import and reading its summary. Nexus 3.71's {@code /v1/tasks} runs, stops and lists tasks but
 * cannot create one, so an import is created here as a task of type {@code pypi.import} and started at once; it
 * stays in the task list, where running it again continues it.
 */
@Named
@Singleton
@Path(PypiImportResource.RESOURCE_URI)
@Api("pypi")
public class PypiImportResource
    implements Resource
{
  static final String RESOURCE_URI = "/v1/pypi/imports";

  private final TaskScheduler scheduler;

  private final RepositoryManager repositoryManager;

  private final ImportReports reports;

  @Inject
  public PypiImportResource(final TaskScheduler scheduler, final RepositoryManager repositoryManager,
                            final ImportReports reports)
  {
    this.scheduler = scheduler;
    this.repositoryManager = repositoryManager;
    this.reports = reports;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresAuthentication
  @RequiresPermissions({"nexus:tasks:create", "nexus:tasks:start"})
  @ApiOperation("Create an import task into a hosted PyPI repository and start it")
  public Response start(final ImportRequest request) throws Exception {
    String source = checkRequest(request);
    TaskConfiguration configuration = scheduler.createTaskConfigurationInstance(ImportTaskDescriptor.TYPE_ID);
    configuration.setName("Import " + source + " into " + request.repository);
    configuration.setString(ImportTaskDescriptor.REPOSITORY, request.repository);
    configuration.setString(ImportTaskDescriptor.SOURCE, source);
    setIfGiven(configuration, ImportTaskDescriptor.PROJECTS, request.projects);
    setIfGiven(configuration, ImportTaskDescriptor.USERNAME, request.username);
    setIfGiven(configuration, ImportTaskDescriptor.PASSWORD, request.password);
    if (request.concurrency != null) {
      if (request.concurrency < 1 || request.concurrency > ImportTaskDescriptor.MAX_CONCURRENCY) {
        throw badRequest("'concurrency' is from 1 to " + ImportTaskDescriptor.MAX_CONCURRENCY + ".");
      }
      configuration.setInteger(ImportTaskDescriptor.CONCURRENCY, request.concurrency);
    }
    TaskInfo task = scheduler.scheduleTask(configuration, scheduler.getScheduleFactory().manual());
    task.runNow("REST API");
    return Response.accepted(Map.of("taskId", task.getId(),
        "summary", "/service/rest" + RESOURCE_URI + "/" + task.getId())).build();
  }

  @GET
  @Path("{taskId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresAuthentication
  @RequiresPermissions("nexus:tasks:read")
  @ApiOperation("The summary of an import task's latest run: counts, and every file not imported with its reason")
  public Response summary(@PathParam("taskId") final String taskId) throws IOException {
    TaskInfo task = scheduler.getTaskById(taskId);
    boolean running = task != null && task.getCurrentState().getState().isRunning();
    return reports.read(taskId, running)
        .map(summary -> Response.ok(summary, MediaType.APPLICATION_JSON_TYPE).build())
        .orElseThrow(() -> new WebApplicationMessageException(NOT_FOUND,
            "No import task '" + taskId + "' has run.", MediaType.TEXT_PLAIN));
  }

  private String checkRequest(final ImportRequest request) {
    if (request == null || request.repository == null || request.source == null || request.source.isBlank()) {
      throw badRequest("Give 'repository' (a hosted PyPI repository) and 'source' (a folder or an index URL).");
    }
    if (!ImportTask.isPypiHosted(repositoryManager.get(request.repository))) {
      throw badRequest("There is no hosted PyPI repository named '" + request.repository + "'.");
    }
    String source = request.source.strip();
    if (!ImportTask.isUrl(source) && !Files.isDirectory(Paths.get(source))) {
      throw badRequest("'" + source + "' is neither an http(s) index URL nor a folder on the Nexus machine.");
    }
    return source;
  }

  private static void setIfGiven(final TaskConfiguration configuration, final String key, final String value) {
    if (value != null && !value.isEmpty()) {
      configuration.setString(key, value);
    }
  }

  private static WebApplicationMessageException badRequest(final String message) {
    return new WebApplicationMessageException(BAD_REQUEST, message, MediaType.TEXT_PLAIN);
  }
}
