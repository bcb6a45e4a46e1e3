package dev.llmworkbench.rest.files;

import dev.llmworkbench.application.files.DeleteFile;
import dev.llmworkbench.application.files.FileContent;
import dev.llmworkbench.application.files.GetFile;
import dev.llmworkbench.application.files.GetFileContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** One file: {@code GET /v1/files/{id}}, {@code GET /v1/files/{id}/content} streamed from disk, {@code DELETE}. */
@Path(FilesServlet.FILES + "/{id}")
@ApplicationScoped
public class FilesResource {
    @Inject
    GetFile getFile;

    @Inject
    GetFileContent getContent;

    @Inject
    DeleteFile deleteFile;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@PathParam("id") String id) {
        return FileJson.file(getFile.get(id));
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public String delete(@PathParam("id") String id) {
        deleteFile.delete(id);
        return FileJson.deleted(id);
    }

    @GET
    @Path("content")
    public Response content(@PathParam("id") String id) throws IOException {
        FileContent content = getContent.open(id);
        StreamingOutput body = out -> {
            try (InputStream in = content.bytes()) {
                in.transferTo(out);
            }
        };
        String filename = content.file().filename();
        return Response.ok(body, filename.toLowerCase(Locale.ROOT).endsWith(".jsonl") ? "application/jsonl" : MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Length", content.file().bytes())
                .header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[\"\\\\\\p{Cntrl}]", "_") + "\"")
                .build();
    }
}
