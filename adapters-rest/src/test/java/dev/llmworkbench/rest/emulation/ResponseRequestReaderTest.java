package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.ImageDetail;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.responses.ResponseItem;
import dev.llmworkbench.domain.responses.ResponseRequest;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResponseRequestReaderTest {
    private static ResponseRequest read(String json) {
        return ResponseRequestReader.read(JsonFields.of(Json.createReader(new StringReader(json)).readObject()));
    }

    @Test
    void aStringInputIsOneUserMessage() {
        ResponseRequest request = read("""
                {"model":"gpt-4o","input":"Hello","instructions":"Be brief."}""");
        assertEquals(List.of(new ResponseItem.InputMessage(null, Role.USER, List.of(new TextPart("Hello")))), request.input());
        assertEquals("Be brief.", request.instructions().orElseThrow());
        assertTrue(request.store(), "OpenAI stores responses unless told not to");
    }

    @Test
    void readsMessagesImagesFunctionCallsAndTheirOutputs() {
        ResponseRequest request = read("""
                {"model":"gpt-4o","store":false,"max_output_tokens":64,"previous_response_id":"resp_1",
                 "input":[{"role":"developer","content":"Answer in French."},
                   {"type":"message","role":"user","content":[{"type":"input_text","text":"What is this?"},
                     {"type":"input_image","image_url":"https://x.test/a.png","detail":"low"}]},
                   {"role":"assistant","content":[{"type":"output_text","text":"A cat."}]},
                   {"type":"function_call","id":"fc_9","call_id":"call_1","name":"f","arguments":"{}"},
                   {"type":"function_call_output","call_id":"call_1","output":"42"}],
                 "tools":[{"type":"function","name":"f","parameters":{"type":"object","properties":{}}}],
                 "tool_choice":{"type":"function","name":"f"}}""");
        List<ResponseItem> input = request.input();
        assertEquals(Role.DEVELOPER, ((ResponseItem.InputMessage) input.get(0)).role());
        ImagePart image = assertInstanceOf(ImagePart.class, ((ResponseItem.InputMessage) input.get(1)).content().get(1));
        assertEquals(ImageDetail.LOW, image.detail());
        assertEquals("A cat.", ((ResponseItem.OutputMessage) input.get(2)).text());
        assertEquals("fc_9", input.get(3).id());
        assertEquals("call_1", ((ResponseItem.FunctionCallOutput) input.get(4)).callId());
        assertEquals(new ToolChoice.Function("f"), request.toolChoice());
        assertEquals(64, request.maxOutputTokens().getAsInt());
        assertEquals("resp_1", request.previousResponseId().orElseThrow());
        assertEquals(false, request.store());
    }

    @Test
    void echoesSettingsWithOpenAisDefaults() {
        ResponseRequest request = read("""
                {"model":"gpt-4o","input":"Hi","temperature":0.5,"metadata":{"k":"v"},"reasoning":{"effort":"low"},"service_tier":"flex",
                 "text":{"format":{"type":"json_schema","name":"answer","schema":{"type":"object"}}},
                 "tools":[{"type":"function","name":"f"}]}""");
        assertEquals("0.5", request.echo().get("temperature"));
        assertEquals("1.0", request.echo().get("top_p"));
        assertEquals("{\"k\":\"v\"}", request.echo().get("metadata"));
        assertEquals("{\"effort\":\"low\",\"summary\":null}", request.echo().get("reasoning"));
        assertEquals("{\"format\":{\"type\":\"json_schema\",\"name\":\"answer\",\"schema\":{\"type\":\"object\"}},\"verbosity\":\"medium\"}",
                request.echo().get("text"));
        assertEquals("[{\"type\":\"function\",\"name\":\"f\",\"description\":null,\"parameters\":null,\"strict\":true}]",
                request.echo().get("tools"));
        assertEquals("\"auto\"", request.echo().get("tool_choice"));
        assertEquals("\"flex\"", request.echo().get("service_tier"));
        assertEquals("\"default\"", read("{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"service_tier\":\"auto\"}").echo().get("service_tier"),
                "OpenAI reports the tier that served an 'auto' request");
    }

    @Test
    void textFormatBecomesTheAnswersOutputFormat() {
        OutputFormat.JsonSchema schema = assertInstanceOf(OutputFormat.JsonSchema.class, read("""
                {"model":"gpt-4o","input":"Hi","text":{"format":{"type":"json_schema","name":"answer","strict":true,
                 "schema":{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"],"additionalProperties":false}}}}""")
                .outputFormat());
        assertEquals("answer", schema.name());
        assertTrue(schema.strict());
        assertInstanceOf(OutputFormat.JsonObject.class,
                read("{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"text\":{\"format\":{\"type\":\"json_object\"}}}").outputFormat());
        assertInstanceOf(OutputFormat.Text.class, read("{\"model\":\"gpt-4o\",\"input\":\"Hi\"}").outputFormat());
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{'model':'gpt-4o','input':'Hi','seed':1}|seed",
            "{'input':'Hi'}|model",
            "{'model':'gpt-4o','input':5}|input",
            "{'model':'gpt-4o','input':[{'role':'tool','content':'x'}]}|input[0].role",
            "{'model':'gpt-4o','input':[{'type':'reasoning','summary':[]}]}|input[0].type",
            "{'model':'gpt-4o','input':[{'role':'user','content':[{'type':'input_file','file_id':'f'}]}]}|input[0].content[0].type",
            "{'model':'gpt-4o','input':[{'role':'user','content':[{'type':'input_image','image_url':'ftp://x'}]}]}|input[0].content[0].image_url",
            "{'model':'gpt-4o','input':[{'type':'function_call_output','output':'1'}]}|input[0].call_id",
            "{'model':'gpt-4o','input':[{'role':'user','content':[{'type':'input_image','image_url':'data:image/png;base64,AAAA'}]}]}|input[0].content[0].image_url",
            "{'model':'gpt-4o','input':'Hi','tools':[{'type':'web_search'}]}|tools[0].type",
            "{'model':'gpt-4o','input':'Hi','tool_choice':'sometimes'}|tool_choice",
            "{'model':'gpt-4o','input':'Hi','text':{'format':{'type':'json_schema','schema':{}}}}|text.format.name",
            "{'model':'gpt-4o','input':'Hi','text':{'format':{'type':'yaml'}}}|text.format.type",
            "{'model':'gpt-4o','input':'Hi','reasoning':{'effort':'extreme'}}|reasoning.effort",
            "{'model':'gpt-4o','input':'Hi','temperature':3}|temperature",
            "{'model':'gpt-4o','input':'Hi','metadata':{'k':1}}|metadata.k",
            "{'model':'gpt-4o','input':'Hi','background':true}|background",
            "{'model':'gpt-4o','input':'Hi','conversation':'conv_1'}|conversation",
            "{'model':'gpt-4o','input':[null]}|input[0]",
            "{'model':'gpt-4o','input':[{'role':'user','content':null}]}|input[0].content",
            "{'model':'gpt-4o','input':[{'role':'user','content':[{'type':'input_text'}]}]}|input[0].content[0].text",
            "{'model':'gpt-4o','input':[{'type':'function_call','call_id':'c','name':'f','arguments':5}]}|input[0].arguments",
            "{'model':'gpt-4o','input':[{'type':'function_call_output','call_id':'c','output':[{'type':'input_image'}]}]}|input[0].output[0].type",
            "{'model':'gpt-4o','input':'Hi','tools':[{'type':'function','name':''}]}|tools[0].name",
            "{'model':'gpt-4o','input':'Hi','tools':[{'type':'function','name':'f','parameters':{'type':'string'}}]}|tools[0].parameters",
            "{'model':'gpt-4o','input':'Hi','max_output_tokens':99999999999}|max_output_tokens",
            "{'model':'gpt-4o','input':'Hi','tool_choice':{'type':'function'}}|tool_choice.name",
            "{'model':'gpt-4o','input':'Hi','store':'yes'}|store",
    })
    void namesTheFieldOfEveryMistake(String json, String param) {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> read(json.replace('\'', '"')));
        // The REST adapter names its own mistakes; the domain names what only it can check, such as an image's bytes.
        assertEquals(param, refused instanceof InvalidRequestException invalid ? invalid.param() : ((ApiException) refused).param());
    }
}
